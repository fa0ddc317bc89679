namespace Admin.Data.Counting;

public enum TimelineUnit { Day, Week, Month }

/// <summary>Checks from <see cref="Start"/> (a day) to the next bucket's start.</summary>
public sealed record TimelineBucket(DateOnly Start, long Count);

/// <summary>
/// Checks per bucket over [<see cref="From"/>, <see cref="To"/>) (days, <see cref="To"/> exclusive). Buckets are dense
/// (empty ones included) and in order; the first starts at <see cref="From"/> and may be shorter than a whole week or
/// month, as may the last.
/// </summary>
public sealed record Timeline(DateOnly From, DateOnly To, TimelineUnit Unit, IReadOnlyList<TimelineBucket> Buckets)
{
    /// <summary>The first day of the <paramref name="unit"/> <paramref name="day"/> lies in (weeks start on Monday, as date_trunc's).</summary>
    public static DateOnly Truncate(DateOnly day, TimelineUnit unit) => unit switch
    {
        TimelineUnit.Day => day,
        TimelineUnit.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    public static DateOnly Next(DateOnly start, TimelineUnit unit) => unit switch
    {
        TimelineUnit.Day => start.AddDays(1),
        TimelineUnit.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };
}
