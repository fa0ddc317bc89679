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

    [Fact]
    public async Task A_managers_map_sends_the_address_of_its_cells_which_answers_with_them()
    {
        using var client = await _app.CreateClientAsAsync(_db, Roles.Manager);
        var html = await client.GetStringAsync("/hotspots?preset=28d");

        // The cells nobody clicks are an empty layer with an address naming the snapshot (the circuit sends no cells).
        var layer = System.Text.RegularExpressions.Regex.Match(html, "<g [^>]*data-layer=\"cells\"[^>]*data-src=\"([^\"]+)\"></g>");
        Assert.True(layer.Success, "no cells layer with an address");
        var address = System.Net.WebUtility.HtmlDecode(layer.Groups[1].Value);
        Assert.StartsWith("/hotspots/cells?from=2021-01-04&to=2021-01-31&metric=high&v=", address);
        Assert.Equal(0, CountOf(html, "<rect class=\"svg-map__item\""));

        using var answer = await client.GetAsync(address);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/plain", answer.Content.Headers.ContentType?.MediaType);
        Assert.True(answer.Headers.CacheControl is { Private: true, MaxAge: not null } cache && cache.Extensions.Any(e => e.Name == "immutable"),
            $"Cache-Control: {answer.Headers.CacheControl}");
        var cells = await answer.Content.ReadAsStringAsync();
        Assert.True(CountOf(cells, "<rect class=\"svg-map__item\"") > 0, cells);
        Assert.Contains("<title>Grid cell ", cells);
        Assert.DoesNotContain("Click:", cells); // a manager's cells lead nowhere

        // Another snapshot's address answers with the current cells, not to be kept; a metric it does not know, a problem.
        using var other = await client.GetAsync(address[..address.IndexOf("&v=", StringComparison.Ordinal)] + "&v=1");
        Assert.Equal(System.Net.HttpStatusCode.OK, other.StatusCode);
        Assert.True(other.Headers.CacheControl?.NoCache, $"Cache-Control: {other.Headers.CacheControl}");
        Assert.Equal(cells, await other.Content.ReadAsStringAsync());
        using var bad = await client.GetAsync("/hotspots/cells?from=2021-01-04&to=2021-01-31&metric=volume");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("metric", await bad.Content.ReadAsStringAsync());
        using var crossed = await client.GetAsync("/hotspots/cells?from=2021-01-31&to=2021-01-04&metric=high");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, crossed.StatusCode);

        // Nobody logged in: sent to the login page, never the cells.
        using var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var refused = await anonymous.GetAsync(address);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
