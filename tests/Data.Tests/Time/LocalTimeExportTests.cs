using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Exports;
using Admin.Data.Tests.Exports;
using Admin.Data.Time;
using Admin.Testing.Hotspots;

namespace Admin.Data.Tests.Time;

/// <summary>
/// Exports stay UTC with an offset whatever the display zone, and an export of a local date range holds the rows the
/// grid shows for it: 00:01 SAST on the 21st (22:01 UTC on the 20th) is in "the 21st", 23:59 SAST on the 20th is not.
/// </summary>
public sealed class LocalTimeExportTests
{
    [Fact]
    public async Task An_export_of_a_local_day_holds_its_rows_with_UTC_times()
    {
        await using var f = await ExportFixture.CreateAsync();
        await CheckRows.InsertAsync(f.Db.DataSource,
        [
            new CheckRow(new DateTimeOffset(2021, 1, 20, 21, 59, 0, TimeSpan.Zero), Province.Gauteng, "JHB", Risk.High),
            new CheckRow(new DateTimeOffset(2021, 1, 20, 22, 1, 0, TimeSpan.Zero), Province.Gauteng, "JHB", Risk.Low),
        ]);
        var query = ExportQuery.Parse(AdminTables.Registry, HealthCheckList.Slug, "from=2021-01-21&to=2021-01-21", new DisplayTimeZone("Africa/Johannesburg"));

        var csv = await f.ExportTextAsync(query, ExportFormat.Csv);
        Assert.Contains("2021-01-20 22:01:00+00", csv);
        Assert.DoesNotContain("21:59:00", csv);
        Assert.Equal(2, csv.TrimEnd('\n').Split('\n').Length); // the header and one row

        var ndjson = await f.ExportTextAsync(query, ExportFormat.Ndjson);
        var line = Assert.Single(ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var timestamp = (string)System.Text.Json.Nodes.JsonNode.Parse(line)!["timestamp"]!;
        Assert.Equal(new DateTimeOffset(2021, 1, 20, 22, 1, 0, TimeSpan.Zero), DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(@"(Z|\+00(:00)?)$", timestamp);
    }
}
