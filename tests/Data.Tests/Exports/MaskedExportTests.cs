using System.Text.Json.Nodes;
using Admin.Data.Entities;
using Admin.Data.Exports;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Testing.Exports;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Tests.Exports;

/// <summary>An analyst's export is masked in SQL: no full phone number, name, birth date or location leaves the database.</summary>
public class MaskedExportTests
{
    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Ndjson)]
    public async Task A_masked_export_holds_no_full_phone_number_or_name(ExportFormat format)
    {
        await using var f = await ExportFixture.CreateAsync();
        var rows = await ExportRows.InsertAsync(f.Db);

        var text = await f.ExportTextAsync(ExportFixture.Query(), format, masked: true);

        foreach (var row in rows)
        {
            Assert.DoesNotContain(row.Msisdn, text);
            Assert.DoesNotContain("0" + row.Msisdn[3..], text);
            Assert.DoesNotContain(row.Msisdn[3..], text);
            Assert.DoesNotContain(row.DeduplicationId, text);
            Assert.Contains(PersonalData.MaskPhone(row.Msisdn), text);
        }
        foreach (var name in new[] { "Thandiwe", "Nomvula", "O'Brien", "Surname", "Person2" })
            Assert.DoesNotContain(name, text);
    }

    [Fact]
    public async Task Masked_fields_equal_what_the_grid_shows_an_analyst()
    {
        await using var f = await ExportFixture.CreateAsync();
        await ExportRows.InsertAsync(f.Db);

        var records = CsvRecords.Parse(await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Csv, masked: true));
        var header = records[0].Select(h => h.Text).ToList();
        await using var db = f.Db.CreateDbContext();
        var rows = await db.HealthChecks.AsNoTracking().OrderByDescending(h => h.Timestamp).ThenByDescending(h => h.Id).ToListAsync();

        // The grid's rule (C#, applied to rows on their way to a page) and the export's (SQL) give the same values.
        for (var i = 0; i < rows.Count; i++)
        {
            HealthCheckList.Definition.MaskPersonalData!(rows[i]);
            var r = records[i + 1];
            // CSV text cells are also spreadsheet-safe (a masked phone number is left as it is).
            Assert.Equal(rows[i].Msisdn, r[header.IndexOf("msisdn")].Text);
            Assert.Equal(SpreadsheetSafe.Cell(rows[i].FirstName) ?? "", r[header.IndexOf("first_name")].Text);
            Assert.Equal(SpreadsheetSafe.Cell(rows[i].LastName) ?? "", r[header.IndexOf("last_name")].Text);
            Assert.True(r[header.IndexOf("date_of_birth")].IsNull);
            Assert.True(r[header.IndexOf("latitude")].IsNull);
            Assert.Equal("", r[header.IndexOf("deduplication_id")].Text);
        }
    }

    [Fact]
    public async Task Ordering_by_phone_number_sorts_on_the_real_numbers_not_the_masked_ones()
    {
        await using var f = await ExportFixture.CreateAsync();
        var rows = await ExportRows.InsertAsync(f.Db);

        // phone-prefix lists in number order; the masked output column is also called msisdn.
        var query = ExportFixture.Query(("q", "0820"), ("in", "phone-prefix"));
        var masked = CsvRecords.Parse(await f.ExportTextAsync(query, ExportFormat.Csv, masked: true));
        var ids = masked.Skip(1).Select(r => Guid.Parse(r[0].Text)).ToList();

        var expected = rows.OrderBy(r => r.Msisdn, StringComparer.Ordinal).ThenByDescending(r => r.Timestamp).ThenByDescending(r => r.Id).Select(r => r.Id);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task The_second_list_is_masked_by_its_own_rules()
    {
        await using var f = await ExportFixture.CreateAsync();
        await f.Db.ExecuteAsync("""
            INSERT INTO vaccine_registrations (gender, first_name, surname, date_of_birth, mobile_number, province, created_at)
            VALUES ('Female', 'Lindiwe', 'Mokoena', '1984-07-19', '+27831234567', 'ZA-GP', '2021-06-01T10:00:00Z')
            """);
        var query = ExportQuery.Parse(AdminTables.Registry, VaccineRegistrationList.Slug, []);

        var o = JsonNode.Parse((await f.ExportTextAsync(query, ExportFormat.Ndjson, masked: true)).TrimEnd('\n'))!;

        Assert.Equal("L.", (string?)o["first_name"]);
        Assert.Equal("M.", (string?)o["surname"]);
        Assert.Equal("+27 83 *** 4567", (string?)o["mobile_number"]);
        Assert.Equal("1984-01-01", (string?)o["date_of_birth"]);
    }
}
