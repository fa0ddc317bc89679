using System.Globalization;

namespace Admin.Load.Running;

/// <summary>The command line of a load run (see README "Load testing").</summary>
public sealed class LoadOptions
{
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1:5080/");
    public int Users { get; set; } = 10;
    public Dictionary<string, int> Mix { get; set; } = new() { ["analyst"] = 70, ["manager"] = 20, ["admin"] = 10 };
    public (TimeSpan Min, TimeSpan Max) ThinkTime { get; set; } = (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));

    /// <summary>One pause between actions, drawn evenly from <see cref="ThinkTime"/>.</summary>
    public TimeSpan Think(Random random) => ThinkTime.Min + (ThinkTime.Max - ThinkTime.Min) * random.NextDouble();
    public TimeSpan RampUp { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Passes through its journey per virtual user; 0 = until the duration ends.</summary>
    public int Iterations { get; set; }
    /// <summary>Journeys a virtual user makes in one tab (circuit) before opening a new one; 0 = one tab for the whole run.</summary>
    public int TabJourneys { get; set; } = 1;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a virtual tab takes to acknowledge a render batch, as a browser's main thread does (see <see cref="Circuits.BlazorCircuit.AckDelay"/>).</summary>
    public TimeSpan AckDelay { get; set; }
    /// <summary>role → (user, password) for existing accounts.</summary>
    public Dictionary<string, (string User, string Password)> Logins { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public int CreateUsers { get; set; }
    public string? Database { get; set; }
    public bool Edits { get; set; }
    public int ApiReaders { get; set; }
    public int ApiWriters { get; set; }
    public string? ApiKey { get; set; }
    public int ApiPageSize { get; set; } = 1000;
    public int ApiBatchSize { get; set; } = 100;
    public string? JsonPath { get; set; }
    /// <summary>The app's and PostgreSQL's (postmaster) process ids, to sample memory and CPU when on the same machine.</summary>
    public int? AppPid { get; set; }
    public int? PostgresPid { get; set; }
    /// <summary>The app's Prometheus endpoint, to read its GC's collections and pauses during the run (any machine).</summary>
    public Uri? AppMetrics { get; set; }
    public bool Quiet { get; set; }
    /// <summary>Each journey once, unmeasured, before the clock (see <see cref="Priming"/>).</summary>
    public bool Prime { get; set; }
    /// <summary>Real Chromium users clicking through the records grid beside the virtual ones (analyst accounts).</summary>
    public int Chromium { get; set; }
    /// <summary>
    /// The niceness the browser's processes run at (0-19). A person's browser runs on their own machine; on the server's
    /// box a page load's burst of browser CPU (about a second of a core) competes with the app and PostgreSQL instead.
    /// </summary>
    public int ChromiumNice { get; set; }
    // The second and the process: two harnesses started together (a browser user run apart from the virtual ones) make
    // their accounts, keys and records under different names.
    public string RunId { get; set; } = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture) + "p" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public const string Usage = """
        Admin.Load --base URL [options]       virtual users with real Blazor circuits against a running Admin
          --users N                 concurrent virtual users (default 10)
          --mix analyst=70,manager=20,admin=10   share of each journey (percent or weights)
          --think 3-10              think time between actions, seconds (min-max)
          --ramp-up 30s             time to start all users (s, m)
          --duration 2m             how long the run lasts after the ramp-up starts
          --iterations N            passes through a journey per user, then stop (0: until the duration ends)
          --tab-journeys N          journeys per tab: a user's next journey starts from the open tab's menu, and
                                    every N journeys in a new tab (page GET + new circuit); 0: one tab all run (default 1)
          --timeout 30s             longest wait for an action's result before it counts as missing
          --ack-delay 20ms          each tab acknowledges a render batch this long after applying it, as a browser's
                                    busy main thread does (default 0: at once); the server's OnAfterRender waits for it
          --login role=user:password[,...]   existing accounts to log in as (one per role used)
          --create-users N --db CONNSTR      create N accounts per role for the run (removed after)
          --edits                   the admin journey also edits and saves a record (writes!)
          --api-readers N --api-writers M    data-lake clients crawling the feed / posting batches, alongside
          --api-key KEY             key for them (else created with --db and removed after)
          --json FILE               write the results as JSON
          --app-pid PID [--pg-pid PID]       sample the app's RSS/CPU and PostgreSQL's CPU from /proc (same machine)
          --app-metrics URL         the app's Prometheus endpoint (e.g. http://host:9464/metrics): its GC's
                                    collections and pauses, per 10 s window and in all
          --chromium N              also N real headless Chromium users on the records grid (Debian's chromium;
                                    actions named chromium.*), to compare a person's view with the circuits'
          --chromium-nice N         run the browser at niceness N (0-19), so that on the server's own box its page
                                    loads yield to the app and PostgreSQL, as a browser on another machine would
          --prime                   each journey once before the clock, not measured: the harness's own first
                                    use (its code compiled, its connections opened) stays out of the figures
          --quiet                   no live progress line
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--base": o.BaseAddress = new Uri(Next().TrimEnd('/') + "/"); break;
                case "--users": o.Users = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--mix": o.Mix = ParseMix(Next()); break;
                case "--think": o.ThinkTime = ParseRange(Next()); break;
                case "--ramp-up": o.RampUp = ParseDuration(Next()); break;
                case "--duration": o.Duration = ParseDuration(Next()); break;
                case "--iterations": o.Iterations = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--tab-journeys": o.TabJourneys = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--timeout": o.Timeout = ParseDuration(Next()); break;
                case "--ack-delay": o.AckDelay = ParseDuration(Next()); break;
                case "--login": o.Logins = ParseLogins(Next()); break;
                case "--create-users": o.CreateUsers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--db": o.Database = Next(); break;
                case "--edits": o.Edits = true; break;
                case "--api-readers": o.ApiReaders = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--api-writers": o.ApiWriters = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--api-key": o.ApiKey = Next(); break;
                case "--json": o.JsonPath = Next(); break;
                case "--app-pid": o.AppPid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--pg-pid": o.PostgresPid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--app-metrics": o.AppMetrics = HttpUrl(Next(), "--app-metrics"); break;
                case "--quiet": o.Quiet = true; break;
                case "--prime": o.Prime = true; break;
                case "--chromium": o.Chromium = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--chromium-nice": o.ChromiumNice = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]} (--help lists them).");
            }
        }
        if (o.AckDelay < TimeSpan.Zero) throw new ArgumentException("--ack-delay takes a duration of 0 or more (e.g. 20ms).");
        if (o.TabJourneys < 0) throw new ArgumentException("--tab-journeys takes 0 (one tab all run) or more journeys per tab.");
        if (string.IsNullOrWhiteSpace(o.Database)) o.Database = null; // "--db $DB" with DB unset is no connection string
        if (o.CreateUsers > 0 && o.Database is null) throw new ArgumentException("--create-users needs --db (the app's database connection string).");
        if (o.CreateUsers == 0 && o.Logins.Count == 0 && o.Users > 0) throw new ArgumentException("Give --login role=user:password or --create-users N --db CONNSTR.");
        if ((o.ApiReaders > 0 || o.ApiWriters > 0) && o.ApiKey is null && o.Database is null) throw new ArgumentException("The API clients need --api-key KEY or --db CONNSTR.");
        if (o.ChromiumNice is < 0 or > 19) throw new ArgumentException("--chromium-nice takes a niceness from 0 to 19.");
        if (o.ChromiumNice > 0 && OperatingSystem.IsWindows()) throw new ArgumentException("--chromium-nice needs nice (Linux).");
        if (o.Chromium > 0) Browser.ChromiumUsers.Executable();
        return o;
    }

    /// <summary>
    /// The options of the priming pass: one journey of each kind, with short pauses. A new harness process spends its
    /// first seconds compiling its own reader and journeys; at the ramp's start that landed inside the first circuits'
    /// times (5-14 of the first ~90 actions over 250 ms in four runs of 500 users, README "Capacity").
    /// </summary>
    public LoadOptions Priming()
    {
        var o = (LoadOptions)MemberwiseClone();
        o.ThinkTime = (TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.3));
        o.Iterations = 1;
        o.TabJourneys = 1;
        return o;
    }

    public static Dictionary<string, int> ParseMix(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0].ToLowerInvariant(), p => int.Parse(p[1], CultureInfo.InvariantCulture));

    private static Dictionary<string, (string, string)> ParseLogins(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => (Role: p[..p.IndexOf('=')], Cred: p[(p.IndexOf('=') + 1)..]))
            .ToDictionary(p => p.Role, p => (p.Cred[..p.Cred.IndexOf(':')], p.Cred[(p.Cred.IndexOf(':') + 1)..]), StringComparer.OrdinalIgnoreCase);

    private static (TimeSpan, TimeSpan) ParseRange(string text)
    {
        var parts = text.Split('-');
        var min = Number(parts[0]);
        var max = parts.Length > 1 ? Number(parts[1]) : min;
        return (TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max));
    }

    private static Uri HttpUrl(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"{option} takes an http(s) URL, e.g. http://127.0.0.1:9464/metrics (got '{text}').");

    public static TimeSpan ParseDuration(string text) => text.EndsWith("ms", StringComparison.Ordinal)
        ? TimeSpan.FromMilliseconds(Number(text[..^2]))
        : text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(Number(text[..^1])),
            'h' => TimeSpan.FromHours(Number(text[..^1])),
            's' => TimeSpan.FromSeconds(Number(text[..^1])),
            _ => TimeSpan.FromSeconds(Number(text)),
        };

    private static double Number(string number) => double.Parse(number, CultureInfo.InvariantCulture);
}
