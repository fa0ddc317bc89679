using System.Net;
using System.Text.Json.Nodes;
using Admin.Data.Exports;
using Admin.Data.Rollups;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Testing.Exports;
using Admin.Testing.Hotspots;
using Admin.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Exports;

/// <summary>The managers' aggregate export: the hotspot district table of a period, from the rollups.</summary>
public sealed class DistrictExportTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2021, 1, 31);
    private TestDatabase _db = null!;
    private AdminAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 35, seed: 9, checksPerMillion: 20)
            .Concat(SyntheticChecks.Outbreak("DC22", -29.6, 30.38, LastDay.AddDays(-6), LastDay, perDay: 12, seed: 3)));
        _app = new AdminAppFactory(_db.ConnectionString);
        await _app.Services.GetRequiredService<RollupRefresher>().RebuildAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_manager_downloads_the_district_table_of_the_period_and_it_is_audited()
    {
        using var client = await _app.CreateClientAsAsync(_db, Roles.Manager);

        using var response = await client.GetAsync("/exports/hotspots/districts.csv?from=2021-01-04&to=2021-01-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var records = CsvRecords.Parse((await response.Content.ReadAsStringAsync()).TrimEnd('\n'));
        Assert.Equal(DistrictTableCsv.Header, records[0].Select(f => f.Text));
        Assert.Equal(52, records.Count - 1);
        var header = DistrictTableCsv.Header.ToList();
        var dc22 = records.Single(r => r[0].Text == "DC22");
        Assert.Equal(("uMgungundlovu", "ZA-KZN", "2021-01-04", "2021-01-31", "hotspot"),
            (dc22[1].Text, dc22[2].Text, dc22[header.IndexOf("period_from")].Text, dc22[header.IndexOf("period_to")].Text, dc22[header.IndexOf("verdict")].Text));
        Assert.True(long.Parse(dc22[header.IndexOf("recent_high_risk")].Text) >= 7 * 12);

        var audit = await _db.ScalarAsync<string>(
            "SELECT concat_ws('|', actor_name, table_name, query, rows) FROM audit_entries WHERE action = 'export' ORDER BY id DESC LIMIT 1");
        Assert.Equal("manager|district_day_rollups|from=2021-01-04&to=2021-01-31|52", audit);
    }

    [Theory]
    [InlineData("?from=2021-01-04", "Give both 'from' and 'to'")]
    [InlineData("?from=2021-01-31&to=2021-01-04", "after the 'to' date")]
    [InlineData("?from=yesterday&to=2021-01-04", "Give both 'from' and 'to'")]
    [InlineData("?preset=forever", "is not a period")]
    public async Task Bad_periods_get_a_readable_400(string query, string reason)
    {
        using var client = await _app.CreateClientAsAsync(_db, Roles.Manager);

        using var response = await client.GetAsync("/exports/hotspots/districts.csv" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!);
    }

    [Fact]
    public async Task The_hotspot_page_offers_the_district_csv_of_its_period_and_the_records_page_the_export_menu()
    {
        using var manager = await _app.CreateClientAsAsync(_db, Roles.Manager);
        using var analyst = await _app.CreateClientAsAsync(_db, Roles.Analyst);

        var hotspots = await manager.GetStringAsync("/hotspots?from=2021-01-10&to=2021-01-20");
        var records = await analyst.GetStringAsync("/records/health-checks?province=ZA-KZN");

        Assert.Contains("href=\"/exports/hotspots/districts.csv?from=2021-01-10&amp;to=2021-01-20\"", hotspots);
        Assert.Contains("data-testid=\"export-menu\"", records);
    }
}
