namespace Admin.Data.Counting;

public sealed class CountOptions
{
    public const string Section = "Counting";

    /// <summary>How long an exact count may run before the estimate is shown instead (SET LOCAL statement_timeout).</summary>
    public TimeSpan ExactTimeout { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Above this estimate an exact count cannot finish within <see cref="ExactTimeout"/>, so it is not tried: at 20M rows a
    /// ~1M-row filter spent its full 50 ms failing (measured with the bench verb), and the label waited for it.
    /// </summary>
    public long ExactCeiling { get; set; } = 200_000;

    /// <summary>
    /// How long a count that ran past <see cref="ExactTimeout"/> twice is not tried again for the same filter (<see cref="SlowCounts"/>):
    /// the estimate is shown at once meanwhile. Zero tries every time.
    /// </summary>
    public TimeSpan SlowCountMemory { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Limit for a count from the rollups (RollupCounter): milliseconds normally; past it, only when many rows arrived
    /// since the last refresh (a bulk load), the planner's path is taken instead.
    /// </summary>
    public TimeSpan RollupTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Limit for an exact count an admin asks for explicitly; it runs in the background with a cancel button.</summary>
    public TimeSpan RequestedExactTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
