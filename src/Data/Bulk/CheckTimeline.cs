namespace Admin.Data.Bulk;

/// <summary>
/// How many of the requested rows fall in each hour of the span, and which district a check on a given day comes
/// from. Hour counts come from cumulative rounding, so they add up to exactly the requested total and rows can be
/// emitted hour by hour in timestamp order.
/// </summary>
internal sealed class CheckTimeline
{
    private readonly long _rows;
    private readonly double[] _hourCumulative; // [Hours + 1], running sum of hour weights
    private readonly double[] _districtCdf;    // [Days * districts], per day cumulative share, last = 1
    private readonly int _districts;

    public CheckTimeline(WaveModel waves, long rows)
    {
        _rows = rows;
        _districts = waves.DistrictCount;
        var days = WaveModel.Days;

        var dayWeight = new double[days];
        _districtCdf = new double[days * _districts];
        for (var day = 0; day < days; day++)
        {
            double sum = 0;
            for (var d = 0; d < _districts; d++)
            {
                sum += waves.DistrictDayWeight(day, d);
                _districtCdf[day * _districts + d] = sum;
            }
            for (var d = 0; d < _districts; d++)
                _districtCdf[day * _districts + d] /= sum;
            _districtCdf[day * _districts + _districts - 1] = 1.0;
            dayWeight[day] = sum;
        }

        _hourCumulative = new double[WaveModel.Hours + 1];
        for (var h = 0; h < WaveModel.Hours; h++)
        {
            var sast = h + WaveModel.SastOffsetHours;
            var day = Math.Min(sast / 24, days - 1);
            var w = dayWeight[day] * WaveModel.WeekdayWeight(sast / 24) * WaveModel.HourWeight(sast % 24);
            _hourCumulative[h + 1] = _hourCumulative[h] + w;
        }
    }

    /// <summary>Rows that fall before the start of <paramref name="hour"/> (0..Hours).</summary>
    public long RowsBefore(int hour) =>
        hour >= WaveModel.Hours ? _rows : (long)Math.Round(_rows * (_hourCumulative[hour] / _hourCumulative[WaveModel.Hours]));

    /// <summary>SAST day index of an hour of the span (UTC hours from the start).</summary>
    public static int DayOfHour(int hour) => Math.Min((hour + WaveModel.SastOffsetHours) / 24, WaveModel.Days - 1);

    /// <summary>A district drawn in proportion to its share of checks on that day.</summary>
    public int SampleDistrict(int day, double u)
    {
        var cdf = _districtCdf.AsSpan(day * _districts, _districts);
        int lo = 0, hi = _districts - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (cdf[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
