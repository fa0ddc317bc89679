using Admin.Data.Counting;
using Admin.Data.Exports;
using Admin.Data.Hotspots;

namespace Admin.Ui.Overview;

/// <summary>
/// What the overview shows one person, read once while prerendering and persisted into the page, so the circuit does
/// not query again. A section is null when the person's role does not see it; a section's error stands alone (the
/// others still show).
/// </summary>
public sealed class OverviewModel
{
    /// <summary>Managers and admins: the weeks and the districts flagged now.</summary>
    public WeeksSection? Weeks { get; set; }

    /// <summary>Analysts and admins: their own latest searches.</summary>
    public SearchesSection? Searches { get; set; }

    /// <summary>Analysts and admins: the tables, small ones counted exactly.</summary>
    public TablesSection? Tables { get; set; }

    /// <summary>Admins: rollups as of, the export queue.</summary>
    public FreshnessSection? Freshness { get; set; }
}

/// <param name="Weeks">Oldest first; the last is "this week" (the seven days ending on the newest day with data).</param>
/// <param name="LastDay">The newest day in the rollups (null: nothing rolled up yet).</param>
public sealed record WeeksSection(List<WeekTotals> Weeks, List<FlaggedArea> Flagged, DateOnly? LastDay, int RecentDays, int BaselineDays,
    DateTimeOffset AsOf, bool IsStale, string? Error = null)
{
    public WeekTotals? ThisWeek => Weeks.Count > 0 ? Weeks[^1] : null;
    public WeekTotals? LastWeek => Weeks.Count > 1 ? Weeks[^2] : null;
}

/// <summary>A district the hotspot rule flags for the recent window (as the hotspot page does).</summary>
public sealed record FlaggedArea(string Code, string Name, string Province, long RecentHighRisk, double Expected, double? RateRatio);

public sealed record SearchesSection(List<SearchLink> Items, string? Error = null);

/// <param name="Href">Where it runs again; null when it cannot (a number the trail holds masked).</param>
public sealed record SearchLink(string List, string Text, string? Href, DateTimeOffset At);

public sealed record TablesSection(List<TableCard> Cards, string? Error = null);

public sealed record TableCard(string Table, string Title, string NounOne, string NounMany, long Rows, CountSource Source, long TotalBytes)
{
    public bool IsExact => Source == CountSource.Exact;
}

public sealed record FreshnessSection(DateTimeOffset? RollupsRefreshedAt, DateOnly? DataThrough, ExportQueueStatus? Queue, DateTimeOffset AsOf, string? Error = null);
