using System.Diagnostics;
using Admin.Load.Accounts;
using Admin.Load.Api;
using Admin.Load.Browser;
using Admin.Load.Circuits;
using Admin.Load.Journeys;

namespace Admin.Load.Running;

/// <summary>
/// Runs a load: logs each account in once (VUs of an account share its cookie, as tabs of one browser do; the login
/// form is rate-limited per address), starts the virtual users over the ramp-up, each repeating its journey until the
/// duration ends (or for --iterations passes), with the API clients alongside; prints progress; returns the results.
/// </summary>
public sealed class LoadRunner(LoadOptions options, TextWriter? progress = null)
{
    public async Task<LoadResult> RunAsync(CancellationToken ct)
    {
        var stats = new ActionStats();
        var journeys = Assign(options.Users, options.Mix).Select(n => Journey.For(n, options.Edits)).ToList();
        var data = await JourneyData.LoadAsync(options.Database, ct);
        await using var users = options.CreateUsers > 0 ? new LoadUsers(options.Database!, options.RunId) : null;
        await using var keys = options.Database is not null && options.ApiKey is null && options.ApiReaders + options.ApiWriters > 0 ? new ApiKeys(options.Database, options.RunId) : null;

        var accounts = users is not null
            // Browser users log in as analysts, so --users 0 --chromium 1 (a browser apart from the virtual users) has one too.
            ? await users.CreateAsync(journeys.Select(j => j.Role).Concat(options.Chromium > 0 ? ["Analyst"] : []).Distinct(StringComparer.OrdinalIgnoreCase), options.CreateUsers, ct)
            : options.Logins.Select(kv => new LoadAccount(RoleName(kv.Key), kv.Value.User, kv.Value.Password)).ToList();
        var sessions = new Dictionary<LoadAccount, SessionClient>();
        try
        {
            foreach (var account in accounts)
            {
                var session = new SessionClient(options.BaseAddress);
                sessions[account] = session;
                await session.LoginAsync(account.UserName, account.Password, ct);
            }

            await using var chromium = options.Chromium > 0 ? await ChromiumUsers.LaunchAsync(options, accounts) : null;
            if (options.Prime) await PrimeAsync(journeys, accounts, sessions, data, ct);
            var sampler = options.AppPid is { } appPid ? new ProcessSampler(appPid, options.PostgresPid) : null;
            sampler?.Start();
            using var appGc = options.AppMetrics is { } metrics ? new AppGcMetrics(metrics) : null;
            if (appGc is not null) await appGc.SampleAsync(ct);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stop.CancelAfter(options.Duration);
            var clock = Stopwatch.StartNew();
            var running = 0;
            var peak = 0;
            var tasks = new List<Task>();
            for (var i = 0; i < journeys.Count; i++)
            {
                var journey = journeys[i];
                var byRole = AccountsFor(journey, accounts);
                var session = sessions[byRole[i % byRole.Count]];
                var delay = options.Users <= 1 ? TimeSpan.Zero : options.RampUp * i / options.Users;
                var seed = HashCode.Combine(options.RunId, i);
                tasks.Add(Task.Run(async () =>
                {
                    try { await Task.Delay(delay, stop.Token); } catch (OperationCanceledException) { return; }
                    Interlocked.Increment(ref running);
                    try { await RunUserAsync(options, journey, session, stats, data, new Random(seed), stop.Token); }
                    finally { Interlocked.Decrement(ref running); }
                }, CancellationToken.None));
            }
            var api = new ApiProfile(options.BaseAddress, stats, options);
            for (var i = 0; i < options.ApiReaders; i++)
            {
                var key = options.ApiKey ?? await keys!.CreateAsync("read", ct);
                tasks.Add(Task.Run(() => api.ReadAsync(key, stop.Token), CancellationToken.None));
            }
            for (var i = 0; i < options.ApiWriters; i++)
            {
                var key = options.ApiKey ?? await keys!.CreateAsync("write", ct);
                var writer = i;
                tasks.Add(Task.Run(() => api.WriteAsync(key, writer, stop.Token), CancellationToken.None));
            }

            chromium?.Start(options, data, stats, stop.Token);
            var bounded = tasks.Take(journeys.Count).Concat(chromium?.Users ?? []).ToList();
            tasks.AddRange(chromium?.Users ?? []);

            var all = Task.WhenAll(tasks);
            while (!all.IsCompleted)
            {
                await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
                peak = Math.Max(peak, stats.CircuitsAlive);
                sampler?.Sample(stats.CircuitsAlive);
                stats.Timeline.Sample(sampler?.Cpu());
                if (appGc is not null && await appGc.SampleAsync(CancellationToken.None) is { } appPause) stats.Timeline.AppGcPause(appPause);
                if (!options.Quiet) progress?.Write("\r" + Report.Progress(clock.Elapsed, stats, running));
                // With --iterations, the run ends when every user (virtual or browser) is done (the API clients then stop too).
                if (options.Iterations > 0 && bounded.All(t => t.IsCompleted)) await stop.CancelAsync();
            }
            await all;
            if (!options.Quiet) progress?.WriteLine();
            return new LoadResult(options.BaseAddress.ToString(), options.Users, options.Mix, options.ThinkTime.Min.TotalSeconds, options.ThinkTime.Max.TotalSeconds,
                clock.Elapsed.TotalSeconds, stats.Summaries(), stats.CircuitsStarted, stats.CircuitsFailed, stats.CircuitsAlive, peak,
                stats.RenderBatches, stats.RenderBytes,
                stats.ErrorSamples, JsInterop.Seen.ToDictionary(), sampler?.Stop(), stats.Timeline.Windows(), appGc?.Figures(clock.Elapsed.TotalSeconds))
                { Parts = stats.PartSummaries() };
        }
        finally
        {
            foreach (var s in sessions.Values) s.Dispose();
        }
    }

    /// <summary>Each kind of journey once, side by side, before the clock; what it measures is dropped, its errors said.</summary>
    private async Task PrimeAsync(IEnumerable<Journey> journeys, IReadOnlyList<LoadAccount> accounts, Dictionary<LoadAccount, SessionClient> sessions,
        JourneyData data, CancellationToken ct)
    {
        var priming = options.Priming();
        var stats = new ActionStats();
        await Task.WhenAll(journeys.DistinctBy(j => j.Name).Select(j =>
        {
            var session = sessions[AccountsFor(j, accounts)[0]];
            return Task.Run(() => RunUserAsync(priming, j, session, stats, data, new Random(options.RunId.GetHashCode(StringComparison.Ordinal)), ct), CancellationToken.None);
        }));
        progress?.WriteLine($"primed: {stats.Actions} actions, {stats.Errors} errors (not counted in the run)");
        foreach (var sample in stats.ErrorSamples.Take(5)) progress?.WriteLine("  " + sample);
        GC.Collect(); // the pass's garbage collected now, not in the ramp's first seconds
    }

    private static List<LoadAccount> AccountsFor(Journey journey, IEnumerable<LoadAccount> accounts)
    {
        var byRole = accounts.Where(a => string.Equals(a.Role, journey.Role, StringComparison.OrdinalIgnoreCase)).ToList();
        return byRole.Count > 0 ? byRole : throw new ArgumentException($"No account for role {journey.Role} (needed by the {journey.Name} journey).");
    }

    private static async Task RunUserAsync(LoadOptions options, Journey journey, SessionClient session, ActionStats stats, JourneyData data, Random random, CancellationToken ct)
    {
        // One context per user: its tab (circuit) stays open into the next journey until --tab-journeys of them ran in it.
        var ctx = new JourneyContext(session, stats, options, data, random, ct);
        try
        {
            for (var pass = 0; options.Iterations == 0 || pass < options.Iterations; pass++)
            {
                if (ct.IsCancellationRequested) return;
                var keep = false;
                try
                {
                    await journey.RunAsync(ctx);
                    keep = ctx.Circuit is { IsAlive: true } && (options.TabJourneys == 0 || ++ctx.JourneysInTab < options.TabJourneys);
                }
                catch (JourneyAbortedException) { } // a tab whose journey broke off is closed: where it stands is unknown
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
                catch (Exception ex)
                {
                    stats.Error(journey.Name, FailureKind.UnhandledException, "harness: " + ex.Message);
                }
                if (!keep) await ctx.CloseAsync();
            }
        }
        finally
        {
            await ctx.CloseAsync();
        }
    }

    private static string RoleName(string role) => role.ToLowerInvariant() switch
    {
        "analyst" => "Analyst",
        "manager" => "Manager",
        "admin" => "Admin",
        _ => role,
    };

    /// <summary>Journeys for <paramref name="users"/> users by the mix's weights (largest remainder), interleaved.</summary>
    public static IReadOnlyList<string> Assign(int users, IReadOnlyDictionary<string, int> mix)
    {
        var total = mix.Values.Sum();
        var counts = mix.ToDictionary(kv => kv.Key, kv => users * kv.Value / total);
        foreach (var kv in mix.OrderByDescending(kv => users * kv.Value % total).Take(users - counts.Values.Sum())) counts[kv.Key]++;
        var result = new List<string>();
        while (result.Count < users)
            foreach (var key in counts.Keys.ToList().Where(k => counts[k] > 0))
            {
                result.Add(key);
                counts[key]--;
            }
        return result;
    }
}
