namespace Admin.Data.Rollups;

/// <summary>
/// Where a rollup day begins and ends: a day of the display time zone (<see cref="Time.DisplayTimeZone"/>, whose
/// <c>StartOf</c> and <c>DayOf</c> are the C# side), so hotspot days, the timeline and the records grid's from/to are
/// the same local days. Every statement that buckets or bounds days by time uses these, with the zone's IANA id as the
/// parameter <c>@tz</c>; the rollups record the zone they were built in (<see cref="RollupWatermark.TimeZone"/>) and
/// are rebuilt when it changes.
/// </summary>
public static class RollupDay
{
    /// <summary>The parameter every statement below takes: the zone's IANA id (text).</summary>
    public const string ZoneParameter = "tz";

    /// <summary>SQL: the rollup day of a timestamptz expression.</summary>
    public static string Of(string timestampSql) => $"({timestampSql} AT TIME ZONE @{ZoneParameter})::date";

    /// <summary>SQL: the instant a rollup day (a date expression) begins.</summary>
    public static string StartSql(string dateSql) => $"({dateSql})::timestamp AT TIME ZONE @{ZoneParameter}";

    /// <summary>SQL: the first day of the month of a date expression (date_trunc on a timestamp, never a timestamptz: no session time zone).</summary>
    public static string MonthOf(string dateSql) => $"date_trunc('month', ({dateSql})::timestamp)::date";

    /// <summary>SQL: the last day of the month of a date expression.</summary>
    public static string MonthEndOf(string dateSql) => $"(date_trunc('month', ({dateSql})::timestamp) + interval '1 month - 1 day')::date";
}
