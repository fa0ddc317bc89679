namespace Admin.Data.Counting;

/// <summary>
/// The days of [@d_from, @d_to) that the whole months [@m_from, @m_to) do not cover, as two ranges of the daily rollup's
/// leading key: the days before the first whole month and those after the last. One range with the months excluded by
/// a filter read every day in between (a year of days to keep a week at 20M rows: 17 ms instead of a few).
/// With no whole month (@m_from at or after @m_to) the second range is empty and the first covers every day.
/// </summary>
internal static class RollupRangeSql
{
    public static string DaysOutsideMonths(string select, string where) => $"""
        {select} WHERE day >= @d_from AND day < least(@m_from, @d_to){where}
        UNION ALL
        {select} WHERE day >= greatest(@m_from, @m_to, @d_from) AND day < @d_to{where}
        """;
}
