namespace Admin.Data.Observability;

/// <summary>What the Performance page keeps in memory on each node (section "Performance").</summary>
public sealed class PerformanceOptions
{
    public const string Section = "Performance";

    /// <summary>Off: no statement capture at all (used to measure what the capture costs).</summary>
    public bool Enabled { get; set; } = true;
    public int Interactions { get; set; } = 200;
    public int SlowStatements { get; set; } = 100;
    public int StatementsPerInteraction { get; set; } = 50;
}
