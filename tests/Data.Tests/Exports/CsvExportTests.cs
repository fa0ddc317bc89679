using Admin.Data.Exports;
using Admin.Testing;
using Admin.Testing.Exports;

namespace Admin.Data.Tests.Exports;

/// <summary>CSV exports against a real PostgreSQL: parsed back, they equal the rows the database holds, in the grid's order.</summary>
public class CsvExportTests
{
    [Fact]
    public async Task The_csv_parses_back_to_exactly_the_database_rows_in_grid_order()
    {
        await using var f = await ExportFixture.CreateAsync();
        await ExportRows.InsertAsync(f.Db);

        var csv = await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Csv);
        var records = CsvRecords.Parse(csv);
        var (columns, expected) = await f.TextRowsAsync("health_checks", "ORDER BY \"timestamp\" DESC, id DESC", spreadsheetSafe: true);

        Assert.Equal(columns, records[0].Select(h => h.Text));
        Assert.Equal(expected.Count, records.Count - 1);
        for (var r = 0; r < expected.Count; r++)
        {
            var record = records[r + 1];
            Assert.Equal(columns.Count, record.Count);
            for (var c = 0; c < columns.Count; c++)
                Assert.True(expected[r][c] == record[c].Value, $"row {r}, column {columns[c]}: database {Show(expected[r][c])}, CSV {Show(record[c].Value)}");
        }
    }

    [Fact]
    public async Task Awkward_names_arrive_exactly_and_null_stays_apart_from_empty()
    {
        await using var f = await ExportFixture.CreateAsync();
        var rows = await ExportRows.InsertAsync(f.Db);

        var records = CsvRecords.Parse(await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Csv));
        var header = records[0].Select(h => h.Text).ToList();
        var (id, first, last) = (header.IndexOf("id"), header.IndexOf("first_name"), header.IndexOf("last_name"));
        var byId = records.Skip(1).ToDictionary(r => Guid.Parse(r[id].Text));

        foreach (var row in rows)
        {
            Assert.Equal(SpreadsheetSafe.Cell(row.FirstName), byId[row.Id][first].Value);
            Assert.Equal(SpreadsheetSafe.Cell(row.LastName), byId[row.Id][last].Value);
        }
        Assert.Contains(rows, r => r.FirstName == "");
        Assert.Contains(rows, r => r.FirstName is null);
    }

    [Fact]
    public async Task A_filtered_export_holds_the_grids_rows_and_nothing_else()
    {
        await using var f = await ExportFixture.CreateAsync();
        await ExportRows.InsertAsync(f.Db);

        var csv = await f.ExportTextAsync(ExportFixture.Query(("province", "ZA-WC"), ("risk", "high"), ("sort", "oldest")), ExportFormat.Csv);
        var records = CsvRecords.Parse(csv);
        var (_, expected) = await f.TextRowsAsync("health_checks", "WHERE province = 'ZA-WC' AND risk = 'high' ORDER BY \"timestamp\", id");

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(r => r[0]), records.Skip(1).Select(r => r[0].Value));
    }

    [Fact]
    public async Task An_export_with_no_matching_rows_is_the_header_alone()
    {
        await using var f = await ExportFixture.CreateAsync();
        await ExportRows.InsertAsync(f.Db);

        using var output = new MemoryStream();
        var result = await f.Exporter.WriteAsync(ExportFixture.Query(("province", "ZA-LP")), ExportFormat.Csv, false, output, null, default);

        Assert.Equal(0, result.Rows);
        var records = CsvRecords.Parse(System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Single(records);
        Assert.Equal("id", records[0][0].Text);
    }

    [Fact]
    public async Task The_row_count_is_counted_from_the_stream_exactly()
    {
        await using var f = await ExportFixture.CreateAsync();
        var rows = await ExportRows.InsertAsync(f.Db, plain: 300);

        var progress = new ExportProgress();
        using var output = new MemoryStream();
        var result = await f.Exporter.WriteAsync(ExportFixture.Query(), ExportFormat.Csv, false, output, progress, default);

        // Several names hold newlines: counting lines would overcount.
        Assert.Equal(rows.Count, result.Rows);
        Assert.Equal(rows.Count, progress.Rows);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("+SUM(1)", "'+SUM(1)")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\r=x", "'\r=x")]
    [InlineData("+27821234567", "+27821234567")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("a=b", "a=b")]
    [InlineData("'already quoted", "'already quoted")]
    public async Task Text_cells_a_spreadsheet_would_run_as_formulas_are_quoted_in_csv_only(string name, string inCsv)
    {
        await using var f = await ExportFixture.CreateAsync();
        var row = HealthCheckRows.Create(1);
        row.FirstName = name;
        row.City = name;
        await using (var db = f.Db.CreateDbContext())
        {
            db.HealthChecks.Add(row);
            await db.SaveChangesAsync();
        }

        var records = CsvRecords.Parse(await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Csv));
        var header = records[0].Select(h => h.Text).ToList();
        var json = System.Text.Json.Nodes.JsonNode.Parse(await f.ExportTextAsync(ExportFixture.Query(), ExportFormat.Ndjson))!;

        Assert.Equal(inCsv, records[1][header.IndexOf("first_name")].Value);
        Assert.Equal(inCsv, records[1][header.IndexOf("city")].Value);
        Assert.Equal(SpreadsheetSafe.Cell(name), inCsv); // the test's own statement of the rule agrees
        Assert.Equal(row.Msisdn, records[1][header.IndexOf("msisdn")].Value); // +27…: a number, not a formula
        Assert.Equal(name, (string?)json["first_name"]); // NDJSON is data for programs: unchanged
    }

    private static string Show(string? s) => s is null ? "NULL" : "\"" + s + "\"";
}
