using Admin.Data.Bulk;
using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Data.Tests.Bulk;

public class VaccineRegistrationGeneratorTests
{
    private static readonly Lazy<List<VaccineRegistration>> Sample = new(() => new VaccineRegistrationGenerator(42, 5_000, 100_000).Generate().ToList());

    [Fact]
    public void Deterministic_for_a_seed_and_different_for_another()
    {
        var again = new VaccineRegistrationGenerator(42, 5_000, 100_000).Generate().ToList();
        for (var i = 0; i < again.Count; i++) RowAssert.Equal(Sample.Value[i], again[i]);
        var other = new VaccineRegistrationGenerator(43, 5_000, 100_000).Generate().ToList();
        Assert.NotEqual(Sample.Value.Select(r => r.MobileNumber), other.Select(r => r.MobileNumber));
    }

    [Fact]
    public void Registrations_are_in_order_valid_and_only_from_eligible_ages()
    {
        var rows = Sample.Value;
        Assert.Equal(5_000, rows.Count);
        Assert.True(rows[0].CreatedAt >= new DateTimeOffset(2021, 4, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.True(rows[^1].CreatedAt < new DateTimeOffset(2022, 4, 1, 0, 0, 0, TimeSpan.Zero));
        for (var i = 1; i < rows.Count; i++) Assert.True(rows[i - 1].CreatedAt <= rows[i].CreatedAt);
        Assert.All(rows, r =>
        {
            Assert.Matches(@"^\+27[6-8][0-9]{8}$", r.MobileNumber);
            Assert.False(string.IsNullOrEmpty(r.FirstName));
            Assert.False(string.IsNullOrEmpty(r.Surname));
            Assert.Equal(0, r.Id);
            var day = DateOnly.FromDateTime(r.CreatedAt.UtcDateTime);
            var age = day.Year - r.DateOfBirth.Year - (day < r.DateOfBirth.AddYears(day.Year - r.DateOfBirth.Year) ? 1 : 0);
            var minimum = day < new DateOnly(2021, 7, 1) ? 60 : day < new DateOnly(2021, 7, 15) ? 50 : day < new DateOnly(2021, 8, 20) ? 35 : day < new DateOnly(2021, 10, 20) ? 18 : 12;
            Assert.True(age >= minimum, $"{r.DateOfBirth} registered on {day} at {age}");
        });
        Assert.Contains(rows, r => r.Province == Province.WesternCape);
        Assert.Contains(rows, r => r.Gender == VaccineGender.Female);
    }

    [Fact]
    public void Most_registrants_are_healthcheck_users_with_the_same_number_and_name()
    {
        var checks = new HealthCheckGenerator(42, 100_000).Generate()
            .GroupBy(r => r.Msisdn).ToDictionary(g => g.Key, g => g.First());
        var known = Sample.Value.Where(r => checks.ContainsKey(r.MobileNumber)).ToList();
        Assert.True(known.Count > Sample.Value.Count / 3, $"{known.Count} of {Sample.Value.Count} registrants have checked");
        Assert.All(known, r =>
        {
            var c = checks[r.MobileNumber];
            Assert.Equal(c.FirstName, r.FirstName);
            Assert.Equal(c.LastName, r.Surname);
            Assert.Equal(c.Province, r.Province);
        });
    }
}
