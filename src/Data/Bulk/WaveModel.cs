using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Reference;

namespace Admin.Data.Bulk;

/// <summary>
/// When people checked, and how sick they were: South Africa's four waves of infection (Jul 2020, Jan 2021 "Beta",
/// Jul 2021 "Delta", Dec 2021 "Omicron") with district-specific timing, the service's usage curve, and the daily
/// and weekly rhythm. Everything is a pure function of the calendar, precomputed into small tables.
/// </summary>
internal sealed class WaveModel
{
    /// <summary>First instant of generated data (2020-03-20, the week HealthCheck launched).</summary>
    public static readonly DateTimeOffset SpanStart = new(2020, 3, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>End of generated data, exclusive (the end of March 2022).</summary>
    public static readonly DateTimeOffset SpanEnd = new(2022, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly int Days = (int)(SpanEnd - SpanStart).TotalDays;
    public static readonly int Hours = Days * 24;

    /// <summary>South Africa Standard Time, UTC+2 all year (no daylight saving).</summary>
    public const int SastOffsetHours = 2;

    // Checks per hour of the day (SAST): almost none at night, a peak before work and school, a daytime plateau.
    private static readonly double[] HourOfDay =
    [
        0.15, 0.08, 0.05, 0.05, 0.08, 0.25, 0.70, 1.30, 1.65, 1.55, 1.35, 1.25,
        1.20, 1.10, 1.05, 1.00, 0.95, 0.90, 0.85, 0.80, 0.70, 0.55, 0.40, 0.25,
    ];

    // Monday..Sunday: workplaces and schools screened on weekdays.
    private static readonly double[] DayOfWeek = [1.10, 1.05, 1.00, 1.00, 0.95, 0.60, 0.50];

    /// <summary>How much busier the service gets at a wave's peak (intensity 1) than between waves.</summary>
    private const double WaveVolumeGain = 1.4;

    private readonly IReadOnlyList<District> _districts;

    /// <summary>Wave intensity per [day * districtCount + district]: 0 between waves, about 1 at a typical peak.</summary>
    private readonly float[] _intensity;

    public WaveModel(IReadOnlyList<District> districts)
    {
        _districts = districts;
        _intensity = new float[Days * districts.Count];
        for (var d = 0; d < districts.Count; d++)
        {
            var waves = WavesFor(districts[d]);
            for (var day = 0; day < Days; day++)
            {
                double sum = 0;
                foreach (var w in waves)
                {
                    var z = (day - w.PeakDay) / w.Width;
                    sum += w.Height * Math.Exp(-0.5 * z * z);
                }
                _intensity[day * districts.Count + d] = (float)sum;
            }
        }
    }

    public int DistrictCount => _districts.Count;

    public float Intensity(int day, int district) => _intensity[day * _districts.Count + district];

    /// <summary>Relative checks per person on a day, ignoring waves: a launch ramp, the lockdown high, a slow decline.</summary>
    public static double Usage(int day)
    {
        var ramp = Math.Min(1.0, 0.25 + day / 14.0);
        var decline = 0.28 + 0.72 * Math.Exp(-Math.Max(0, day - 70) / 240.0);
        return ramp * decline;
    }

    /// <summary>Relative checks in a district on a day: population x usage x (1 + wave).</summary>
    public double DistrictDayWeight(int day, int district) =>
        _districts[district].Population * Usage(day) * (1 + WaveVolumeGain * Intensity(day, district));

    public static double HourWeight(int sastHourOfDay) => HourOfDay[sastHourOfDay];

    /// <summary>dayIndex counts SAST days from <see cref="SpanStart"/>; 2020-03-20 was a Friday.</summary>
    public static double WeekdayWeight(int dayIndex) => DayOfWeek[(dayIndex + 4) % 7];

    private readonly record struct Wave(double PeakDay, double Width, double Height);

    private static double DayOf(int year, int month, int day) =>
        (new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero) - SpanStart).TotalDays;

    /// <summary>
    /// The four waves as seen in one district. Timing follows the national pattern: the Western Cape led the first
    /// wave; the Beta wave began in Nelson Mandela Bay and Buffalo City (Nov-Dec 2020), then the Garden Route and
    /// Cape Town, then KwaZulu-Natal and Gauteng; Delta hit Gauteng first (Jun-Jul 2021) and the coast last;
    /// Omicron started in Tshwane (late Nov 2021). Metros run a little ahead of their province.
    /// </summary>
    private static Wave[] WavesFor(District d)
    {
        var p = d.Province;
        var metroLead = d.IsMetro ? -4 : 0;

        var first = p switch
        {
            Province.WesternCape => new Wave(DayOf(2020, 6, 18), 24, 1.0),
            Province.EasternCape => new Wave(DayOf(2020, 7, 8), 22, 0.95),
            Province.Gauteng => new Wave(DayOf(2020, 7, 14), 20, 1.0),
            Province.KwaZuluNatal => new Wave(DayOf(2020, 7, 24), 20, 0.85),
            _ => new Wave(DayOf(2020, 8, 2), 24, 0.6),
        };
        var beta = d.Code switch
        {
            "NMA" => new Wave(DayOf(2020, 11, 25), 18, 1.35),
            "BUF" => new Wave(DayOf(2020, 12, 6), 18, 1.3),
            "DC4" => new Wave(DayOf(2020, 12, 14), 18, 1.2), // Garden Route
            "CPT" => new Wave(DayOf(2021, 1, 2), 17, 1.2),
            _ => p switch
            {
                Province.EasternCape => new Wave(DayOf(2020, 12, 18), 20, 1.1),
                Province.WesternCape => new Wave(DayOf(2021, 1, 3), 18, 1.05),
                Province.KwaZuluNatal => new Wave(DayOf(2021, 1, 9), 16, 1.15),
                Province.Gauteng => new Wave(DayOf(2021, 1, 10), 15, 0.8),
                _ => new Wave(DayOf(2021, 1, 14), 18, 0.7),
            },
        };
        var delta = p switch
        {
            Province.Gauteng => new Wave(DayOf(2021, 7, 3), 18, 1.4),
            Province.NorthWest or Province.Limpopo or Province.Mpumalanga => new Wave(DayOf(2021, 7, 14), 20, 1.0),
            Province.FreeState or Province.KwaZuluNatal => new Wave(DayOf(2021, 7, 26), 22, 0.95),
            _ => new Wave(DayOf(2021, 8, 16), 26, 1.0), // Western, Eastern and Northern Cape came last
        };
        var omicron = d.Code switch
        {
            "TSH" => new Wave(DayOf(2021, 12, 3), 10, 1.35),
            _ => p switch
            {
                Province.Gauteng => new Wave(DayOf(2021, 12, 8), 11, 1.25),
                Province.WesternCape => new Wave(DayOf(2021, 12, 24), 12, 1.05),
                _ => new Wave(DayOf(2021, 12, 17), 12, 1.0),
            },
        };
        return
        [
            first with { PeakDay = first.PeakDay + metroLead },
            beta with { PeakDay = beta.PeakDay + metroLead },
            delta with { PeakDay = delta.PeakDay + metroLead },
            omicron with { PeakDay = omicron.PeakDay + metroLead },
        ];
    }
}
