using System.Text.RegularExpressions;
using Admin.Data.Bulk;
using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Reference;

namespace Admin.Data.Tests.Bulk;

public partial class HealthCheckGeneratorTests
{
    private const int Rows = 30_000;

    // Generated once for the class: the checks below only read it.
    private static readonly Lazy<List<HealthCheck>> Sample = new(() => new HealthCheckGenerator(42, Rows).Generate().ToList());

    [GeneratedRegex(@"^\+27[6-8][0-9]{8}$")]
    private static partial Regex Msisdn();

    [Fact]
    public void Same_seed_and_row_count_give_identical_rows_including_ids()
    {
        var again = new HealthCheckGenerator(42, Rows).Generate().ToList();
        Assert.Equal(Rows, again.Count);
        for (var i = 0; i < Rows; i++)
            RowAssert.Equal(Sample.Value[i], again[i]);
    }

    [Fact]
    public void Filling_reused_entities_gives_the_same_rows_as_enumerating()
    {
        var generator = new HealthCheckGenerator(42, Rows);
        var buffer = Enumerable.Range(0, 4096).Select(_ => new HealthCheck()).ToArray();
        var index = 0;
        int n;
        while ((n = generator.Fill(buffer)) > 0)
            for (var i = 0; i < n; i++)
                RowAssert.Equal(Sample.Value[index++], buffer[i]);
        Assert.Equal(Rows, index);
    }

    [Fact]
    public void A_different_seed_gives_different_rows()
    {
        var other = new HealthCheckGenerator(7, 1000).Generate().ToList();
        var mine = Sample.Value.Take(1000).ToList();
        Assert.Empty(other.Select(r => r.Id).Intersect(mine.Select(r => r.Id)));
        Assert.Empty(other.Select(r => r.DeduplicationId).Intersect(Sample.Value.Select(r => r.DeduplicationId)));
        Assert.NotEqual(mine.Select(r => r.Msisdn), other.Select(r => r.Msisdn));
    }

    [Fact]
    public void Ids_and_deduplication_ids_are_unique_and_ids_are_uuid_v7_of_the_timestamp()
    {
        Assert.Equal(Rows, Sample.Value.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Rows, Sample.Value.Select(r => r.DeduplicationId).Distinct().Count());
        foreach (var r in Sample.Value.Take(2000))
        {
            Assert.Equal(7, r.Id.Version);
            var bytes = r.Id.ToByteArray(bigEndian: true);
            var ms = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
            Assert.Equal(r.Timestamp.ToUnixTimeMilliseconds(), ms);
            Assert.Matches("^[0-9a-f]{32}$", r.DeduplicationId);
        }
        Assert.Equal(HealthCheckGenerator.DeduplicationId(42, 12345), Sample.Value[12345].DeduplicationId);
    }

    [Fact]
    public void Every_risk_follows_the_services_rules()
    {
        foreach (var r in Sample.Value)
            Assert.Equal(RiskRules.Classify(r.RiskInputs, r.Timestamp), r.Risk);
        // The launch weeks scored points, the only source of "critical"; later checks never are.
        Assert.All(Sample.Value.Where(r => r.Risk == Risk.Critical), r => Assert.True(r.Timestamp < RiskRules.PointsEraEnd));
        Assert.Contains(Sample.Value, r => r.Timestamp < RiskRules.PointsEraEnd);
        Assert.All(Enum.GetValues<Risk>().Where(r => r != Risk.Critical), risk => Assert.Contains(Sample.Value, r => r.Risk == risk));
    }

    [Fact]
    public void Phone_numbers_are_valid_and_people_check_again_with_the_same_traits()
    {
        Assert.All(Sample.Value, r => Assert.Matches(Msisdn(), r.Msisdn));
        var people = Sample.Value.GroupBy(r => r.Msisdn).ToList();
        // A pool of about rows/3 people, skewed: most check a few times, some many times.
        Assert.InRange(people.Count, Rows / 6, Rows / 2);
        Assert.True(people.Count(g => g.Count() > 1) > people.Count / 4, "expected many repeat users");
        Assert.True(people.Max(g => g.Count()) >= 20, "expected some people to check many times");
        foreach (var g in people)
        {
            var first = g.First();
            Assert.All(g, r =>
            {
                Assert.Equal(first.FirstName, r.FirstName);
                Assert.Equal(first.LastName, r.LastName);
                Assert.Equal(first.Age, r.Age);
                Assert.Equal(first.Gender, r.Gender);
                Assert.Equal(first.Province, r.Province);
                Assert.Equal(first.DistrictCode, r.DistrictCode);
                Assert.Equal(first.City, r.City);
                Assert.Equal(first.DateOfBirth, r.DateOfBirth);
            });
        }
    }

    [Fact]
    public void District_province_and_locations_agree()
    {
        foreach (var r in Sample.Value)
        {
            var d = Districts.Find(r.DistrictCode!)!;
            Assert.Equal(d.Province, r.Province);
            var radiusKm = Math.Sqrt(d.AreaKm2);
            Assert.NotNull(r.City);
            Assert.InRange(DistanceKm(d.CentroidLatitude, d.CentroidLongitude, r.CityLatitude!.Value, r.CityLongitude!.Value), 0, radiusKm);
            if (r.Latitude is { } lat)
                Assert.InRange(DistanceKm(d.CentroidLatitude, d.CentroidLongitude, lat, r.Longitude!.Value), 0, radiusKm);
            else
                Assert.Null(r.Longitude);
            Assert.Equal(r.Timestamp, r.CompletedTimestamp);
            Assert.Null(r.Data);
            Assert.Contains(r.Source, new[] { "WhatsApp", "USSD", "Web" });
        }
        // Districts weighted by population: Johannesburg far busier than the Central Karoo.
        var byDistrict = Sample.Value.GroupBy(r => r.DistrictCode).ToDictionary(g => g.Key!, g => g.Count());
        Assert.True(byDistrict["JHB"] > 10 * byDistrict.GetValueOrDefault("DC5"));
        Assert.True(Sample.Value.Count(r => r.Source == "WhatsApp") > Rows * 0.8);
        Assert.Contains(Sample.Value, r => r.Source == "USSD" && r.Latitude is null);
    }

    [Fact]
    public void Every_district_has_towns_inside_it()
    {
        foreach (var d in Districts.All)
        {
            Assert.True(Towns.ByDistrict.TryGetValue(d.Code, out var towns), d.Code);
            Assert.All(towns, t => Assert.InRange(DistanceKm(d.CentroidLatitude, d.CentroidLongitude, t.Latitude, t.Longitude), 0, 0.9 * Math.Sqrt(d.AreaKm2)));
        }
    }

    [Fact]
    public void Timestamps_are_within_the_span_in_order_with_daily_and_weekly_rhythm()
    {
        var rows = Sample.Value;
        Assert.True(rows[0].Timestamp >= new DateTimeOffset(2020, 3, 20, 0, 0, 0, TimeSpan.Zero));
        Assert.True(rows[^1].Timestamp < new DateTimeOffset(2022, 4, 1, 0, 0, 0, TimeSpan.Zero));
        for (var i = 1; i < rows.Count; i++)
            Assert.True(rows[i - 1].Timestamp <= rows[i].Timestamp, $"row {i} is out of order");
        Assert.All(rows, r => Assert.Equal(0, r.Timestamp.Ticks % 10)); // microseconds, as PostgreSQL stores them

        var sast = rows.Select(r => r.Timestamp.ToOffset(TimeSpan.FromHours(2))).ToList();
        var night = sast.Count(t => t.Hour is >= 1 and < 5);
        var morning = sast.Count(t => t.Hour is >= 7 and < 11);
        Assert.True(morning > 8 * night, $"morning {morning} vs night {night}");
        var sunday = sast.Count(t => t.DayOfWeek == DayOfWeek.Sunday);
        var tuesday = sast.Count(t => t.DayOfWeek == DayOfWeek.Tuesday);
        Assert.True(tuesday > 1.5 * sunday, $"tuesday {tuesday} vs sunday {sunday}");
    }

    [Fact]
    public void Waves_raise_volume_and_the_share_of_sick_checks_and_start_in_the_eastern_cape()
    {
        var rows = Sample.Value;
        static bool In(HealthCheck r, int y1, int m1, int d1, int y2, int m2, int d2) =>
            r.Timestamp >= new DateTimeOffset(y1, m1, d1, 0, 0, 0, TimeSpan.Zero) && r.Timestamp < new DateTimeOffset(y2, m2, d2, 0, 0, 0, TimeSpan.Zero);

        // The share of symptomatic checks at the Jan 2021 peak vs the lull of Oct 2020.
        var peak = rows.Where(r => In(r, 2020, 12, 20, 2021, 1, 20)).ToList();
        var lull = rows.Where(r => In(r, 2020, 10, 1, 2020, 10, 31)).ToList();
        static double SickShare(List<HealthCheck> xs) => xs.Count(r => r.RiskInputs.SymptomCount > 0) / (double)xs.Count;
        Assert.True(SickShare(peak) > 1.8 * SickShare(lull), $"peak {SickShare(peak):P1} vs lull {SickShare(lull):P1}");
        Assert.True(peak.Count(r => r.Risk == Risk.High) / (double)peak.Count > lull.Count(r => r.Risk == Risk.High) / (double)lull.Count);

        // Beta began in Nelson Mandela Bay and Buffalo City: in late Nov 2020 their checks per resident outrun Johannesburg's.
        var early = rows.Where(r => In(r, 2020, 11, 15, 2020, 12, 10)).ToList();
        double PerMillion(string code) => early.Count(r => r.DistrictCode == code) / (Districts.Find(code)!.Population / 1e6);
        Assert.True(PerMillion("NMA") + PerMillion("BUF") > 2 * PerMillion("JHB") * 1.15,
            $"NMA {PerMillion("NMA"):F0} BUF {PerMillion("BUF"):F0} JHB {PerMillion("JHB"):F0} per million");
    }

    [Fact]
    public void Later_questions_are_null_before_the_flow_asked_them()
    {
        foreach (var r in Sample.Value)
        {
            if (r.Timestamp < RiskRules.PointsEraEnd)
            {
                Assert.Null(r.DifficultyBreathing);
                Assert.Null(r.Smell);
                Assert.Null(r.ConfirmedContact);
            }
            if (r.Timestamp >= new DateTimeOffset(2020, 10, 1, 0, 0, 0, TimeSpan.Zero))
            {
                Assert.NotNull(r.ConfirmedContact);
                Assert.NotNull(r.MusclePain);
                Assert.NotNull(r.PersonsInHousehold);
            }
        }
    }

    internal static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 6371 * 2 * Math.Asin(Math.Sqrt(a));
    }
}
