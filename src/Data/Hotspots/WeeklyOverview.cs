namespace Admin.Data.Hotspots;

/// <summary>Checks and high-risk checks (high or critical) in one week of days, From to To inclusive.</summary>
public readonly record struct WeekTotals(DateOnly From, DateOnly To, long Checks, long HighRisk)
{
    public double? HighRiskShare => Checks == 0 ? null : HighRisk / (double)Checks;
}

/// <summary>
/// The overview's weeks and flagged districts, taken from one hotspot snapshot (the rollups, cached by
/// <see cref="HotspotDashboard"/>): nothing of its own is read. Weeks end on the snapshot's last day (the newest day
/// with data), so "this week" is its last seven days and "last week" the seven before.
/// </summary>
public sealed record WeeklyOverview(IReadOnlyList<WeekTotals> Weeks, IReadOnlyList<DistrictHotspot> Flagged)
{
    /// <summary>The period whose snapshot holds <paramref name="weeks"/> whole weeks ending on <paramref name="lastDay"/>.</summary>
    public static HotspotPeriod PeriodFor(DateOnly lastDay, int weeks) => HotspotPeriod.Ending(lastDay, 7 * weeks);

    /// <summary>
    /// Sums the snapshot's daily trend into weeks (oldest first), leaving out weeks that end before
    /// <paramref name="firstDay"/> (no data yet then); the flagged districts as the hotspot page flags them, largest excess first.
    /// </summary>
    public static WeeklyOverview From(HotspotSnapshot snapshot, DateOnly? firstDay = null)
    {
        var period = snapshot.Period;
        var weeks = new List<WeekTotals>();
        for (var to = period.To; to >= period.From; to = to.AddDays(-7))
        {
            var from = to.AddDays(-6) < period.From ? period.From : to.AddDays(-6);
            if (firstDay is { } first && to < first) break;
            var days = snapshot.Trend.Where(p => p.Day >= from && p.Day <= to).ToList();
            weeks.Add(new WeekTotals(from, to, days.Sum(p => p.Checks), days.Sum(p => p.HighRisk)));
        }
        weeks.Reverse();
        var flagged = snapshot.Districts.Where(d => d.Assessment.Flagged).OrderByDescending(d => d.Assessment.Excess).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        return new WeeklyOverview(weeks, flagged);
    }
}
