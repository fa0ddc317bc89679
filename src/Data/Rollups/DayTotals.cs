using Admin.Data.Persistence.Configurations;

namespace Admin.Data.Rollups;

/// <summary>
/// A rollup of checks and high-risk checks per day and a few keys, summed from the district days: by the refresh in
/// the days' own transaction, and moved with them by edits, so it always agrees with them. Declared once here; the
/// refresh's merge and the edits' deltas derive from it. Each key column names the edit parameter that holds its value.
/// </summary>
internal sealed record DayTotals(string Table, params (string Column, string Parameter)[] Keys)
{
    /// <summary>The hotspot trend's nine rows a day (<see cref="ProvinceDayRollup"/>).</summary>
    public static readonly DayTotals Provinces = new(ProvinceDayRollupConfiguration.Table, ("province", "@province"));

    /// <summary>The hotspot areas' ~50 rows a day (<see cref="DistrictDayTotal"/>).</summary>
    public static readonly DayTotals Districts = new(DistrictDayTotalConfiguration.Table, ("province", "@province"), ("district_code", "@district"));

    public static readonly IReadOnlyList<DayTotals> All = [Provinces, Districts];

    private string Columns => string.Join(", ", Keys.Select(k => k.Column));

    /// <summary>The rows of the days an incremental refresh recounted (@days), summed again from the district days just merged.</summary>
    public string MergeOf => Merge(day => $"{day} = ANY (@days)");

    /// <summary>Every row, after a rebuild's merge of every day.</summary>
    public string MergeAll => Merge(_ => "true");

    /// <summary>
    /// The rows of the days <paramref name="days"/> selects, summed from the district days (about 500 rows a day),
    /// written like the district days' merge (only what changed). Returns the rows written.
    /// </summary>
    private string Merge(Func<string, string> days) => $"""
        WITH fresh AS MATERIALIZED (
            SELECT day, {Columns}, sum(checks)::int AS checks,
                   coalesce(sum(checks) FILTER (WHERE {RollupSql.HighRisk}), 0)::int AS high_risk
            FROM rollup_district_days WHERE {days("day")}
            GROUP BY day, {Columns}
        ), written AS (
            INSERT INTO {Table} AS r (day, {Columns}, checks, high_risk)
            SELECT day, {Columns}, checks, high_risk FROM fresh
            ON CONFLICT (day, {Columns}) DO UPDATE SET checks = excluded.checks, high_risk = excluded.high_risk
            WHERE (r.checks, r.high_risk) IS DISTINCT FROM (excluded.checks, excluded.high_risk)
            RETURNING 1
        ), gone AS (
            DELETE FROM {Table} r
            WHERE ({days("r.day")}) AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.day = r.day{string.Concat(Keys.Select(k => $" AND f.{k.Column} = r.{k.Column}"))})
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM gone)
        """;

    private string Key => "day = @day" + string.Concat(Keys.Select(k => $" AND {k.Column} = {k.Parameter}"));

    /// <summary>An edit's -1 at its old key: the last count is deleted (checks &gt; 0 is a CHECK constraint), else decremented.</summary>
    public IEnumerable<string> Remove =>
    [
        $"DELETE FROM {Table} WHERE {Key} AND checks = 1",
        $"UPDATE {Table} SET checks = checks - 1, high_risk = high_risk - @high WHERE {Key}",
    ];

    /// <summary>An edit's +1 at its new key.</summary>
    public string Add => $"""
        INSERT INTO {Table} AS r (day, {Columns}, checks, high_risk) VALUES (@day, {string.Join(", ", Keys.Select(k => k.Parameter))}, 1, @high)
        ON CONFLICT (day, {Columns}) DO UPDATE SET checks = r.checks + 1, high_risk = r.high_risk + excluded.high_risk
        """;
}
