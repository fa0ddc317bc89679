using Admin.Load.Circuits;
using Admin.Load.Running;

namespace Admin.Load.Journeys;

/// <summary>What a journey works with: its session and circuit, the shared stats, think time, and the run's data.</summary>
public sealed class JourneyContext(SessionClient session, ActionStats stats, LoadOptions options, JourneyData data, Random random, CancellationToken ct)
{
    public SessionClient Session { get; } = session;
    public ActionStats Stats { get; } = stats;
    public LoadOptions Options { get; } = options;
    public JourneyData Data { get; } = data;
    public Random Random { get; } = random;
    public CancellationToken Cancellation { get; } = ct;
    public BlazorCircuit? Circuit { get; private set; }

    public BlazorCircuit Live => Circuit ?? throw new InvalidOperationException("No circuit open.");

    /// <summary>Journeys finished in the open tab (see <see cref="LoadOptions.TabJourneys"/>).</summary>
    public int JourneysInTab { get; set; }

    /// <summary>
    /// A journey's first page: in a new tab (<paramref name="openAction"/>: page GET + circuit, timed until
    /// <paramref name="ready"/>) when the user has none open, else <paramref name="inTab"/> (the open tab's menu link).
    /// </summary>
    public Task StartAtAsync(string openAction, string path, Func<Dom, bool> ready, Func<Task> inTab) =>
        Circuit is null ? OpenAsync(openAction, path, ready) : inTab();

    /// <summary>Follows the menu's link to <paramref name="path"/>, timed until <paramref name="arrived"/> holds, given <paramref name="before"/> read from the tree before the click.</summary>
    public async Task<bool> MenuAsync<T>(string action, string path, Func<Dom, T> before, Func<Dom, T, bool> arrived)
    {
        var link = Find(action, d => d.First(e => e.Name == "a" && e.Attr("href") == path && e.HasClass("mud-nav-link")));
        var state = Live.Query(before);
        return await ActAsync(action, c => c.FollowLinkAsync(link), d => arrived(d, state));
    }

    /// <summary>Opens a page in a new tab (page GET + a new circuit), closing the previous one; timed until <paramref name="ready"/>.</summary>
    public async Task OpenAsync(string action, string path, Func<Dom, bool> ready)
    {
        await CloseAsync();
        JourneysInTab = 0;
        _ready = ready;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Circuit = await BlazorCircuit.StartAsync(Session, path, ready, Options.Timeout, Cancellation,
                (kind, message) => Stats.Error(action + " (background)", kind, message), Options.AckDelay);
        }
        catch (CircuitFailureException ex)
        {
            Stats.Error(action, ex.Kind == FailureKind.ExpectedMissing ? FailureKind.ExpectedMissing : FailureKind.StartFailed, ex.Message);
            Stats.CircuitStarted();
            Stats.CircuitEnded(failed: true);
            throw new JourneyAbortedException();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Stats.Error(action, FailureKind.StartFailed, ex.Message);
            throw new JourneyAbortedException();
        }
        Stats.CircuitStarted();
        Stats.Record(action, clock.Elapsed);
    }

    /// <summary>
    /// One timed action: sends it, waits for its result in the render tree, records the time or the error. A broken
    /// circuit ends the journey (and counts as a failed circuit); a missing result only fails this action.
    /// </summary>
    public async Task<bool> ActAsync(string action, Func<BlazorCircuit, Task> send, Func<Dom, bool> expected)
    {
        var circuit = Live;
        try
        {
            var elapsed = await circuit.MeasureAsync(() => send(circuit), expected, Options.Timeout, action, Cancellation);
            Stats.Record(action, elapsed);
            return true;
        }
        catch (CircuitFailureException ex)
        {
            Stats.Error(action, ex.Kind, ex.Message);
            if (!circuit.IsAlive && !(ex.Kind == FailureKind.Disconnect && await ReloadAsync(circuit))) throw new JourneyAbortedException();
            return false;
        }
    }

    /// <summary>
    /// What the browser does when its connection drops and the server no longer knows the circuit (its node died): the
    /// page reloads at the same address, in a new circuit on whichever node the proxy picks, and the address carries the
    /// state (list, filters, search, position). Timed as <see cref="ReloadAction"/>; the journey then goes on from there.
    /// </summary>
    private async Task<bool> ReloadAsync(BlazorCircuit lost)
    {
        var path = Session.BaseAddress.MakeRelativeUri(lost.Location).ToString();
        try
        {
            await OpenAsync(ReloadAction, path, _ready ?? (_ => true));
            return true;
        }
        catch (JourneyAbortedException)
        {
            return false;
        }
    }

    public const string ReloadAction = "circuit.reload";

    private Func<Dom, bool>? _ready;

    /// <summary>Reads the current tree; a control that is not there is an expected element missing.</summary>
    public T Find<T>(string action, Func<Dom, T?> query) where T : class
    {
        var found = Live.Query(query);
        if (found is not null) return found;
        Stats.Error(action, FailureKind.ExpectedMissing, "control not found");
        throw new JourneyAbortedException();
    }

    public Task ThinkAsync() => Task.Delay(Options.Think(Random), Cancellation);

    public async Task CloseAsync()
    {
        if (Circuit is null) return;
        var failed = Circuit.Failure is not null;
        await Circuit.DisposeAsync();
        Stats.CircuitEnded(failed, Circuit.Batches, Circuit.BatchBytes);
        Circuit = null;
    }
}

/// <summary>Ends one pass through a journey (the error is already counted); the virtual user starts over.</summary>
public sealed class JourneyAbortedException() : Exception("journey aborted");
