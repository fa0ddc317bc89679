namespace Admin.Data.Hotspots;

/// <summary>
/// A period counted back from the newest day in the rollups (the data is historical: "today" may have no checks). The
/// page offers these, and the rollup refresh keeps their cells summed ahead (<see cref="Rollups.CellPeriod"/>).
/// </summary>
public sealed record PeriodPreset(string Code, string Label, int? Days)
{
    public static IReadOnlyList<PeriodPreset> All { get; } =
    [
        new("7d", "7 days", 7),
        new("28d", "28 days", 28),
        new("90d", "90 days", 90),
        new("365d", "1 year", 365),
        new("all", "All", null),
    ];

    public static PeriodPreset Default => All[1];

    public static PeriodPreset? Find(string? code) => All.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));

    public HotspotPeriod Resolve(DateOnly firstDay, DateOnly lastDay) =>
        Days is { } days && lastDay.AddDays(1 - days) > firstDay ? HotspotPeriod.Ending(lastDay, days) : new HotspotPeriod(firstDay, lastDay);
}
