using Admin.Data.Domain;
using Admin.Data.Reference;

namespace Admin.Testing.Hotspots;

/// <summary>
/// Steady background noise for every district (Poisson counts at a rate that follows population, from a seeded
/// Random so a test sees the same data every run), plus whatever outbreak a test plants on top.
/// </summary>
public static class SyntheticChecks
{
    public static readonly string[] Sources = ["WhatsApp", "USSD", "Web"];

    /// <summary>Days ending on <paramref name="lastDay"/>, each district getting about <paramref name="checksPerMillion"/> checks a day per million people, one in five high risk.</summary>
    public static IEnumerable<CheckRow> Background(DateOnly lastDay, int days, int seed, double checksPerMillion = 40)
    {
        var random = new Random(seed);
        for (var d = days - 1; d >= 0; d--)
        {
            var day = lastDay.AddDays(-d);
            foreach (var district in Districts.All)
            {
                var rate = district.Population / 1e6 * checksPerMillion;
                var count = Poisson(random, rate);
                for (var i = 0; i < count; i++)
                {
                    var risk = random.NextDouble() switch { < 0.2 => Risk.High, < 0.5 => Risk.Moderate, _ => Risk.Low };
                    // Within about 0.3 degrees of the centroid: a district's checks spread over a handful of cells.
                    var lat = district.CentroidLatitude + (random.NextDouble() - 0.5) * 0.6;
                    var lon = district.CentroidLongitude + (random.NextDouble() - 0.5) * 0.6;
                    // Every source, without drawing from the Random (the data of existing seeds stays as it was).
                    yield return new CheckRow(At(day, random), district.Province, district.Code, risk, lat, lon, Sources[(i + d) % Sources.Length]);
                }
            }
        }
    }

    /// <summary><paramref name="perDay"/> extra high-risk checks a day at one point, on the given days.</summary>
    public static IEnumerable<CheckRow> Outbreak(string districtCode, double latitude, double longitude, DateOnly from, DateOnly to, int perDay, int seed)
    {
        var random = new Random(seed);
        var district = Districts.All.Single(d => d.Code == districtCode);
        for (var day = from; day <= to; day = day.AddDays(1))
            for (var i = 0; i < perDay; i++)
                yield return new CheckRow(At(day, random), district.Province, district.Code, Risk.High, latitude, longitude);
    }

    /// <summary>A moment of local day <paramref name="day"/> (the default display zone's, whose days the rollups count).</summary>
    public static DateTimeOffset At(DateOnly day, Random random) =>
        Admin.Data.Time.DisplayTimeZone.Default.StartOf(day).AddSeconds(random.Next(86_400));

    // Knuth's method: fine for the small rates here.
    private static int Poisson(Random random, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit) { k++; p *= random.NextDouble(); }
        return k;
    }
}
