using System.Text;
using Admin.Data.Audit;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Testing;

namespace Admin.Data.Tests.Listing;

/// <summary>
/// The masking hook of the list engine against real PostgreSQL: rows leave <see cref="TableLister"/> masked for a
/// masked view and as stored for a full one, cursors never carry a number, and searches by number still find it.
/// </summary>
public class MaskingTests
{
    private const string Number = "+27821234567";

    /// <summary>Three checks by <see cref="Number"/> (named, with birth date and location) and 40 by other numbers.</summary>
    private static async Task<List<HealthCheck>> SeedAsync(ListingFixture f)
    {
        var rows = Enumerable.Range(1, 43).Select(HealthCheckRows.Create).ToList();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            row.FirstName = "Thandiwe" + i;
            row.LastName = "Mokoena" + i;
            row.DateOfBirth = new DateOnly(1980, 5, 17);
            row.Latitude = -26.20412;
            row.Longitude = 28.04736;
            if (i % 15 == 0) row.Msisdn = Number;
        }
        await using var db = f.Db.CreateDbContext();
        db.HealthChecks.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }

    [Fact]
    public void An_initial_is_one_string_per_letter_whatever_the_name()
    {
        Assert.Equal("T.", PersonalData.Initial("  thandiwe"));
        Assert.Same(PersonalData.Initial("Thandiwe"), PersonalData.Initial(new string("Tumi".AsSpan())));
        Assert.Equal("É.", PersonalData.Initial("émile"));
        Assert.Equal("", PersonalData.Initial("   "));
    }

    [Fact]
    public async Task A_masked_window_holds_no_number_name_birth_date_or_location_and_a_full_one_holds_them_all()
    {
        await using var f = await ListingFixture.CreateAsync();
        var seeded = await SeedAsync(f);
        var q = HealthCheckQueries.Parse();

        var masked = await f.Lister.WindowAsync(q, WindowRequest.Start(100), PersonalDataView.Masked, default);
        var full = await f.Lister.WindowAsync(q, WindowRequest.Start(100), PersonalDataView.Full, default);

        Assert.Equal(43, masked.Rows.Count);
        Assert.All(masked.Rows, r =>
        {
            Assert.Matches(@"^\+27 8\d \*\*\* \d{4}$", r.Msisdn);
            Assert.Matches(@"^[A-Z]\.$", r.FirstName);
            Assert.Matches(@"^[A-Z]\.$", r.LastName);
            Assert.Null(r.DateOfBirth);
            Assert.Null(r.Latitude);
            Assert.Null(r.Longitude);
            Assert.Equal("", r.DeduplicationId);
        });
        Assert.Contains(masked.Rows, r => r.Msisdn == "+27 82 *** 4567");
        // Same rows, same order, same cursors: masking changes what a row shows, not where it stands.
        Assert.Equal(full.Rows.Select(r => r.Id), masked.Rows.Select(r => r.Id));
        Assert.Equal(full.Cursors, masked.Cursors);
        var byId = seeded.ToDictionary(r => r.Id);
        Assert.All(full.Rows, r =>
        {
            Assert.Equal(byId[r.Id].Msisdn, r.Msisdn);
            Assert.Equal(byId[r.Id].FirstName, r.FirstName);
            Assert.Equal(new DateOnly(1980, 5, 17), r.DateOfBirth);
            Assert.Equal(-26.20412, r.Latitude);
        });
    }

    [Fact]
    public async Task An_exact_full_number_search_finds_the_records_for_a_masked_view()
    {
        await using var f = await ListingFixture.CreateAsync();
        var seeded = await SeedAsync(f);
        var q = HealthCheckQueries.Parse(("q", "082 123 4567"), ("in", "phone"));

        var window = await f.Lister.WindowAsync(q, WindowRequest.Start(100), PersonalDataView.Masked, default);

        Assert.Equal(seeded.Where(r => r.Msisdn == Number).Select(r => r.Id).OrderBy(id => id), window.Rows.Select(r => r.Id).OrderBy(id => id));
        Assert.All(window.Rows, r => Assert.Equal("+27 82 *** 4567", r.Msisdn));
    }

    [Fact]
    public async Task Cursors_of_the_number_ordering_hold_no_number_and_still_walk_every_row_in_order()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 600, tieEvery: 2);
        // "Phone starts with" lists in number order: the ordering's key starts with the number itself.
        var q = HealthCheckQueries.Parse(("q", "082 0000 1"), ("in", "phone-prefix"));
        Assert.Equal("msisdn", q.Ordering.Keys[0].Column);

        var rows = new List<HealthCheck>();
        var cursors = new List<string>();
        var window = await f.Lister.WindowAsync(q, WindowRequest.Start(4), PersonalDataView.Masked, default);
        while (true)
        {
            rows.AddRange(window.Rows);
            cursors.AddRange(window.Cursors);
            if (window.MoreAfter != true) break;
            window = await f.Lister.WindowAsync(q, WindowRequest.After(window.Cursors[^1], 4), PersonalDataView.Masked, default);
        }

        var full = await f.Lister.WindowAsync(q, WindowRequest.Start(1000), PersonalDataView.Full, default);
        Assert.True(full.Rows.Count > 8, "the walk must cross several windows");
        Assert.Equal(full.Rows.Select(r => r.Id), rows.Select(r => r.Id));
        foreach (var cursor in cursors)
        {
            var fields = Decoded(cursor).Split('\u001f');
            Assert.Equal(3, fields.Length);
            Assert.Equal("", fields[0]); // the number's place, left empty
            Assert.DoesNotContain("+27", string.Join("", fields));
        }
        Assert.All(rows, r => Assert.StartsWith("+27 82 ***", r.Msisdn));

        // Backwards and "at" from a cursor without the number land where the number says.
        var middle = full.Rows.Count / 2;
        var before = await f.Lister.WindowAsync(q, WindowRequest.Before(cursors[middle], 3), PersonalDataView.Masked, default);
        Assert.Equal(full.Rows.Skip(middle - 3).Take(3).Select(r => r.Id), before.Rows.Select(r => r.Id));
        var at = await f.Lister.WindowAsync(q, WindowRequest.At(cursors[middle], 2), PersonalDataView.Masked, default);
        Assert.Equal(full.Rows.Skip(middle).Take(2).Select(r => r.Id), at.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_cursor_that_carries_a_number_is_not_trusted_for_it()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 200, tieEvery: 1);
        var q = HealthCheckQueries.Parse(("q", "082 0000 1"), ("in", "phone-prefix"));
        var full = await f.Lister.WindowAsync(q, WindowRequest.Start(1000), PersonalDataView.Full, default);
        var row = full.Rows[2];

        // A hand-made cursor naming another number: the position comes from the row's own number, read by id.
        var forged = KeysetCursor.Encode(["+27829999999", row.Timestamp, row.Id]);
        var after = await f.Lister.WindowAsync(q, WindowRequest.After(forged, 2), PersonalDataView.Masked, default);

        Assert.Equal(full.Rows.Skip(3).Take(2).Select(r => r.Id), after.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Same_number_search_finds_every_check_of_a_record_s_number_by_its_id()
    {
        await using var f = await ListingFixture.CreateAsync();
        var seeded = await SeedAsync(f);
        var record = seeded.First(r => r.Msisdn == Number);
        var q = HealthCheckQueries.Parse(("q", record.Id.ToString()), ("in", HealthCheckList.SameNumberSearch));

        var window = await f.Lister.WindowAsync(q, WindowRequest.Start(100), PersonalDataView.Masked, default);

        Assert.Equal(3, window.Rows.Count);
        Assert.Equal(seeded.Where(r => r.Msisdn == Number).Select(r => r.Id).OrderBy(id => id), window.Rows.Select(r => r.Id).OrderBy(id => id));
        Assert.DoesNotContain(Number, q.ToAuditText(PersonalDataView.Masked));
        var bad = Assert.Throws<ListRequestException>(() => HealthCheckQueries.Parse(("q", "082 123 4567"), ("in", HealthCheckList.SameNumberSearch)));
        Assert.Contains("record id", bad.Message);
    }

    [Fact]
    public async Task Find_presents_one_record_masked_or_in_full()
    {
        await using var f = await ListingFixture.CreateAsync();
        var seeded = await SeedAsync(f);
        var id = seeded[0].Id;

        var masked = await f.Lister.FindAsync(HealthCheckList.Definition, id, PersonalDataView.Masked, default);
        var full = await f.Lister.FindAsync(HealthCheckList.Definition, id, PersonalDataView.Full, default);

        Assert.Equal("+27 82 *** 4567", masked!.Msisdn);
        Assert.Equal("T.", masked.FirstName);
        Assert.Null(masked.Latitude);
        Assert.Equal(Number, full!.Msisdn);
        Assert.Equal("Thandiwe0", full.FirstName);
        Assert.Null(await f.Lister.FindAsync(HealthCheckList.Definition, Guid.NewGuid(), PersonalDataView.Masked, default));
    }

    [Fact]
    public async Task Vaccine_registrations_are_masked_by_their_own_rule()
    {
        await using var f = await ListingFixture.CreateAsync();
        await f.Db.ExecuteAsync("""
            INSERT INTO vaccine_registrations (gender, first_name, surname, date_of_birth, mobile_number, province, created_at)
            SELECT 'Female', 'Nomvula', 'Dlamini' || g, '1950-07-09', '+2772' || lpad(g::text, 7, '0'), 'ZA-KZN', timestamptz '2021-05-01' + g * interval '1 hour'
            FROM generate_series(1, 30) g
            """);
        var q = ListQueryParser.Parse(VaccineRegistrationList.Definition, [new("q", "Dlamini1"), new("in", "surname")]);

        var masked = await f.Lister.WindowAsync(q, WindowRequest.Start(100), PersonalDataView.Masked, default);
        var full = await f.Lister.WindowAsync(q, WindowRequest.Start(100), PersonalDataView.Full, default);

        Assert.Equal(11, masked.Rows.Count); // Dlamini1 and Dlamini10..19
        Assert.All(masked.Rows, r =>
        {
            Assert.Equal("N.", r.FirstName);
            Assert.Equal("D.", r.Surname);
            Assert.Matches(@"^\+27 72 \*\*\* \d{4}$", r.MobileNumber);
            Assert.Equal(new DateOnly(1950, 1, 1), r.DateOfBirth);
        });
        Assert.All(full.Rows, r => Assert.StartsWith("Dlamini1", r.Surname));
    }

    [Fact]
    public void The_audit_text_of_a_search_masks_a_full_number_for_a_masked_view_only()
    {
        var q = HealthCheckQueries.Parse(("province", "ZA-GP"), ("q", "082 123 4567"), ("in", "phone"));

        var masked = Uri.UnescapeDataString(q.ToAuditText(PersonalDataView.Masked));
        var full = Uri.UnescapeDataString(q.ToAuditText(PersonalDataView.Full));

        Assert.Equal("province=ZA-GP&q=+27 82 *** 4567&in=phone", masked);
        Assert.Equal("province=ZA-GP&q=082 123 4567&in=phone", full);
        Assert.Equal("q=082 12&in=phone-prefix", Uri.UnescapeDataString(HealthCheckQueries.Parse(("q", "082 12"), ("in", "phone-prefix")).ToAuditText(PersonalDataView.Masked)));
    }

    [Fact]
    public void Record_lists_never_include_the_audit_trail()
    {
        Assert.Null(AdminTables.Registry.Find(AuditTrailList.Slug));
        Assert.Null(AdminTables.Registry.Find(AuditTrailList.Definition.Table));
        Assert.DoesNotContain(AuditTrailList.Definition, AdminTables.Registry.Records);
        Assert.Contains(AuditTrailList.Definition, AdminTables.Registry.All);
        Assert.NotNull(AdminTables.Registry.Find(HealthCheckList.Slug));
    }

    private static string Decoded(string cursor)
    {
        var b64 = cursor[3..].Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=')));
    }
}
