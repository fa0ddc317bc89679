namespace Admin.Data.Rollups;

/// <summary>
/// Where a rollup day begins and ends: the one place that knows (today UTC days, like the records grid's from/to).
/// Making rollup days local days (Africa/Johannesburg) means changing <see cref="TimeZone"/> and <see cref="StartOf"/>
/// here and rebuilding the rollups; every statement that buckets or bounds days by time uses these.
/// </summary>
public static class RollupDay
{
    /// <summary>The PostgreSQL time zone name of a rollup day.</summary>
    public const string TimeZone = "UTC";

    /// <summary>SQL: the rollup day of a timestamptz expression.</summary>
    public static string Of(string timestampSql) => $"({timestampSql} AT TIME ZONE '{TimeZone}')::date";

    /// <summary>SQL: the instant a rollup day (a date expression) begins.</summary>
    public static string StartSql(string dateSql) => $"({dateSql})::timestamp AT TIME ZONE '{TimeZone}'";

    /// <summary>The instant <paramref name="day"/> begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The rollup day an instant falls on.</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>SQL: the first day of the month of a date expression (date_trunc on a timestamp, never a timestamptz: no session time zone).</summary>
    public static string MonthOf(string dateSql) => $"date_trunc('month', ({dateSql})::timestamp)::date";

    /// <summary>SQL: the last day of the month of a date expression.</summary>
    public static string MonthEndOf(string dateSql) => $"(date_trunc('month', ({dateSql})::timestamp) + interval '1 month - 1 day')::date";
}
