using Admin.Data.Security;
using Admin.Data.Rollups;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Admin.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Hotspots;

/// <summary>The whole app over a real database: the page prerenders the map from the rollups with the planted hotspot.</summary>
public class HotspotsPageTests : IAsyncLifetime
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
        // Waits for the app's own first refresh, if it is running, then counts everything.
        await _app.Services.GetRequiredService<RollupRefresher>().RebuildAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_page_shows_the_map_the_period_and_the_flagged_district()
    {
        using var client = await _app.CreateClientAsAsync(_db, Roles.Analyst);
        var html = await client.GetStringAsync("/hotspots?preset=28d");

        Assert.Contains("data-testid=\"hotspot-map\"", html);
        Assert.Equal(9, CountOf(html, "<path class=\"svg-map__item\""));
        Assert.Contains("2021-01-04 – 2021-01-31 (28 days)", html);
        Assert.Contains("data-hotspot=\"DC22\" data-flagged=\"true\"", html);
        Assert.Contains("href=\"/records/health-checks?district=DC22&amp;risk=high&amp;from=2021-01-04&amp;to=2021-01-31\"", html);
    }

    [Fact]
    public async Task An_explicit_range_and_metric_come_from_the_url()
    {
        using var client = await _app.CreateClientAsAsync(_db, Roles.Analyst);
        var html = await client.GetStringAsync("/hotspots?from=2021-01-10&to=2021-01-20&metric=change");

        Assert.Contains("2021-01-10 – 2021-01-20 (11 days)", html);
        Assert.Contains("data-metric=\"change\"", html);
        // The period's own inputs show it, each bounded by the other end.
        Assert.Matches("<input [^>]*type=\"date\"[^>]*value=\"2021-01-10\"[^>]*max=\"2021-01-20\"[^>]*data-testid=\"period-from\"", html);
        Assert.Matches("<input [^>]*type=\"date\"[^>]*value=\"2021-01-20\"[^>]*min=\"2021-01-10\"[^>]*data-testid=\"period-to\"", html);
    }

    [Fact]
    public async Task A_manager_sees_the_same_hotspots_with_no_way_into_the_records()
    {
        using var client = await _app.CreateClientAsAsync(_db, Roles.Manager);
        var html = await client.GetStringAsync("/hotspots?preset=28d");

        Assert.Contains("data-hotspot=\"DC22\" data-flagged=\"true\"", html);
        Assert.Contains("data-testid=\"hotspot-map\"", html);
        Assert.DoesNotContain("/records", html);
        Assert.DoesNotContain("Click:", html);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
