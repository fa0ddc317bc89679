using Admin.Data.Entities;
using Admin.Testing;

namespace Admin.Tests.Ui;

/// <summary>
/// Records with known personal data, and every form in which it must never reach a role that may not see it:
/// numbers (E.164, national, bare digits), first names and surnames, a birth date, precise coordinates.
/// </summary>
internal static class PersonalRows
{
    /// <summary>The person with three checks.</summary>
    public const string Number = "+27821234567";
    public const string FirstName = "Thandiwe";
    public const string LastName = "Mokoena";
    public const string BirthDate = "1980-05-17";
    public const string Latitude = "-26.20412";

    public const string VaccineNumber = "+27721112233";
    public const string VaccineFirstName = "Nomvula";
    public const string VaccineSurname = "Dlamini";

    /// <summary>Checks 0, 15 and 30 are by <see cref="Number"/>; the others each have their own number and name.</summary>
    public static async Task<List<HealthCheck>> SeedAsync(TestDatabase database)
    {
        var rows = Enumerable.Range(1, 40).Select(HealthCheckRows.Create).ToList();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var same = i % 15 == 0;
            row.Msisdn = same ? Number : $"+278300{i:D5}";
            row.FirstName = same ? FirstName : $"Sipho{i}x";
            row.LastName = same ? LastName : $"Khumalo{i}x";
            row.DateOfBirth = DateOnly.Parse(BirthDate);
            row.Latitude = double.Parse(Latitude, System.Globalization.CultureInfo.InvariantCulture);
            row.Longitude = 28.04736;
        }
        await using (var db = database.CreateDbContext())
        {
            db.HealthChecks.AddRange(rows);
            await db.SaveChangesAsync();
        }
        await database.ExecuteAsync($"""
            INSERT INTO vaccine_registrations (gender, first_name, surname, date_of_birth, mobile_number, province, created_at)
            SELECT 'Female', '{VaccineFirstName}', '{VaccineSurname}' || g, '{BirthDate}', CASE WHEN g = 1 THEN '{VaccineNumber}' ELSE '+2773' || lpad(g::text, 7, '0') END,
                   'ZA-KZN', timestamptz '2021-05-01' + g * interval '1 hour'
            FROM generate_series(1, 12) g
            """);
        await database.ExecuteAsync("ANALYZE");
        return rows;
    }

    /// <summary>Every seeded number in the forms a page could show it: "+27821234567", "0821234567", "821234567".</summary>
    public static IEnumerable<string> NumberForms(IEnumerable<string> e164) =>
        e164.SelectMany(n => new[] { n, "0" + n[3..], n[3..] });

    public static IEnumerable<string> AllNumbers(IEnumerable<HealthCheck> rows) =>
        NumberForms(rows.Select(r => r.Msisdn).Append(VaccineNumber).Concat(Enumerable.Range(2, 11).Select(g => $"+2773{g:D7}")).Distinct());

    public static IEnumerable<string> AllNames(IEnumerable<HealthCheck> rows) =>
        rows.SelectMany(r => new[] { r.FirstName!, r.LastName! }).Append(VaccineFirstName).Append(VaccineSurname).Distinct();

    /// <summary>Fails naming the first personal value found in <paramref name="markup"/>.</summary>
    public static void AssertNoPersonalData(string markup, IReadOnlyList<HealthCheck> rows)
    {
        foreach (var number in AllNumbers(rows))
            Assert.False(markup.Contains(number, StringComparison.Ordinal), $"the markup holds the number {number}");
        foreach (var name in AllNames(rows))
            Assert.False(markup.Contains(name, StringComparison.Ordinal), $"the markup holds the name {name}");
        Assert.DoesNotContain(BirthDate, markup);
        Assert.DoesNotContain(Latitude, markup);
        Assert.DoesNotContain("-26.2041", markup);
    }
}
