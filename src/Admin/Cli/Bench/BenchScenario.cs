namespace Admin.Cli.Bench;

/// <summary>
/// One thing a user does, timed by the bench verb: our way (through the same services the UI uses) and, where
/// one exists, the naive way most apps take (OFFSET paging, count(*), GROUP BY over the base table).
/// </summary>
public sealed record BenchScenario(string Group, string Name, Func<CancellationToken, Task> Ours, Func<CancellationToken, Task>? Naive = null)
{
    /// <summary>Untimed work before each run (e.g. building the next request body).</summary>
    public Func<CancellationToken, Task>? Prepare { get; init; }

    /// <summary>Caps the runs of a scenario that writes (each run adds rows).</summary>
    public int? MaxIterations { get; init; }
}
