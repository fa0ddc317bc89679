namespace Admin.Load.Running;

/// <summary>What a run measured: per action timings and errors, circuits, and what the harness answered.</summary>
public sealed record LoadResult(
    string Base, int Users, IReadOnlyDictionary<string, int> Mix, double ThinkMinSeconds, double ThinkMaxSeconds, double DurationSeconds,
    IReadOnlyList<ActionSummary> Actions, int CircuitsStarted, int CircuitsFailed, int CircuitsAliveAtEnd, int CircuitsAlivePeak,
    long RenderBatches, long RenderBytes,
    IReadOnlyCollection<string> ErrorSamples, IReadOnlyDictionary<string, int> JsCalls, ResourceFigures? Resources,
    IReadOnlyList<TimelineWindow> Timeline, AppGcFigures? AppGc)
{
    /// <summary>Shares of actions' times, reported beside them (the Chromium users' wire and page, <see cref="Browser.Probe"/>).</summary>
    public IReadOnlyList<ActionSummary> Parts { get; init; } = [];
    public int Errors => Actions.Sum(a => a.Errors);
    /// <summary>Timed actions of the virtual users (the Chromium users' own are not in the render traffic).</summary>
    public int CircuitActions => Actions.Where(a => !a.Action.StartsWith("chromium.", StringComparison.Ordinal)).Sum(a => a.Count);
}
