using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Admin.Data.Exports;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Tests.Exports;

/// <summary>NDJSON exports: one JSON object per line whose typed values equal the database's, backslashes and all.</summary>
public class NdjsonExportTests
{
    [Fact]
    public async Task Each_line_is_a_json_object_equal_to_its_database_row()
    {
        await using var f = await ExportFixture.CreateAsync();
        await ExportRows.InsertAsync(f.Db);

        var text = await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Ndjson);
        Assert.EndsWith("\n", text);
        var lines = text[..^1].Split('\n');
        await using var db = f.Db.CreateDbContext();
        var expected = await db.HealthChecks.AsNoTracking().OrderByDescending(h => h.Timestamp).ThenByDescending(h => h.Id).ToListAsync();

        Assert.Equal(expected.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var o = JsonNode.Parse(lines[i])!.AsObject();
            var row = expected[i];
            Assert.Equal(row.Id, o["id"]!.GetValue<Guid>());
            Assert.Equal(row.Msisdn, (string?)o["msisdn"]);
            Assert.Equal(row.FirstName, (string?)o["first_name"]);
            Assert.Equal(row.LastName, (string?)o["last_name"]);
            Assert.Equal(row.City, (string?)o["city"]);
            Assert.Equal(row.DeduplicationId, (string?)o["deduplication_id"]);
            Assert.Equal(row.Timestamp, DateTimeOffset.Parse((string)o["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(row.Latitude, (double?)o["latitude"]);
            Assert.Equal(row.Fever, (bool)o["fever"]!);
            Assert.Equal(row.DifficultyBreathing, (bool?)o["difficulty_breathing"]);
            Assert.Equal(row.RoomsInHousehold, (int?)o["rooms_in_household"]);
            Assert.Equal(row.DateOfBirth?.ToString("yyyy-MM-dd"), (string?)o["date_of_birth"]);
            Assert.Equal(Admin.Data.Domain.Codes<Admin.Data.Domain.Risk>.ToCode(row.Risk), (string?)o["risk"]);
            Assert.True(JsonNode.DeepEquals(row.Data is null ? null : JsonNode.Parse(row.Data), o["data"]), $"data of row {i}");
            Assert.False(o.ContainsKey("change_xid"));
        }
    }

    [Fact]
    public async Task Keys_come_in_table_column_order()
    {
        await using var f = await ExportFixture.CreateAsync();
        await ExportRows.InsertAsync(f.Db, plain: 0);

        var first = (await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Ndjson)).Split('\n')[0];
        var (columns, _) = await f.TextRowsAsync("health_checks", "LIMIT 0");

        Assert.Equal(columns, JsonNode.Parse(first)!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public async Task Copy_text_format_would_corrupt_the_json_which_is_why_the_export_does_not_use_it()
    {
        // The trap, shown on the same row: COPY's text format doubles every backslash of the JSON it is given.
        await using var f = await ExportFixture.CreateAsync();
        var rows = await ExportRows.InsertAsync(f.Db, plain: 0);
        var row = rows.Single(r => r.FirstName == "Jo\\\"e");

        await using var conn = await f.Db.DataSource.OpenConnectionAsync();
        string naive;
        using (var reader = await conn.BeginTextExportAsync(
            $"COPY (SELECT json_build_object('first_name', first_name) FROM health_checks WHERE id = '{row.Id}') TO STDOUT"))
            naive = (await reader.ReadToEndAsync()).TrimEnd('\n');
        var ours = (await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Ndjson)).TrimEnd('\n').Split('\n')
            .Select(line => JsonNode.Parse(line)!)
            .Single(o => o["id"]!.GetValue<Guid>() == row.Id);

        Assert.NotEqual(row.FirstName, TryReadName(naive));
        Assert.Equal(row.FirstName, (string?)ours["first_name"]);
    }

    [Fact]
    public async Task No_line_ever_holds_a_raw_newline_or_the_copy_delimiters()
    {
        await using var f = await ExportFixture.CreateAsync();
        var rows = await ExportRows.InsertAsync(f.Db);

        var bytes = Encoding.UTF8.GetBytes(await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Ndjson));

        Assert.Equal(rows.Count, bytes.Count(b => b == (byte)'\n'));
        Assert.DoesNotContain((byte)0x01, bytes);
        Assert.DoesNotContain((byte)0x02, bytes);
    }

    private static string? TryReadName(string json)
    {
        try { return (string?)JsonNode.Parse(json)?["first_name"]; }
        catch (JsonException) { return null; }
    }
}
