using Admin.Data.Audit;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Admin.Tests.Ui;

/// <summary>
/// The overview per role, against a real database through the app's own services: 90 days of checks with an outbreak
/// planted in uMgungundlovu (DC22) in the last week, rolled up; searches in the audit trail.
/// </summary>
public sealed class HomeTests(HomeTests.OverviewData data) : IClassFixture<HomeTests.OverviewData>
{
    // bunit waits 1 s by default; real queries on a busy shared machine can take longer. Not a timing assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DateOnly LastDay = new(2021, 1, 31);

    public sealed class OverviewData : IAsyncLifetime
    {
        public TestDatabase Db { get; private set; } = null!;
        public string AnalystId { get; private set; } = "";
        public string AdminId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Db = await TestDatabase.CreateAsync();
            var rows = SyntheticChecks.Background(LastDay, days: 90, seed: 7, checksPerMillion: 8)
                .Concat(SyntheticChecks.Outbreak("DC22", -29.60, 30.38, LastDay.AddDays(-6), LastDay, perDay: 16, seed: 5));
            await CheckRows.InsertAsync(Db.DataSource, rows);
            await Db.ExecuteAsync("ANALYZE");
            await new RollupRefresher(Db.DataSource, Options.Create(new HotspotOptions()), TimeProvider.System, NullLogger<RollupRefresher>.Instance).RebuildAsync();
            AnalystId = await TestAccounts.IdOfAsync(Db, await TestAccounts.EnsureAsync(Db, Roles.Analyst));
            AdminId = await TestAccounts.IdOfAsync(Db, await TestAccounts.EnsureAsync(Db, Roles.Admin));
            var log = new AuditLog(Db.DataSource);
            // The analyst's searches as the list page audits them (a full number masked), one by someone else.
            await log.WriteAsync(new AuditEntry { ActorId = AnalystId, ActorName = "analyst", Action = AuditActions.Search, TableName = "health_checks", Query = "province=ZA-GP&risk=high" });
            await log.WriteAsync(new AuditEntry { ActorId = AnalystId, ActorName = "analyst", Action = AuditActions.Search, TableName = "health_checks", Query = "q=%2B27%2082%20%2A%2A%2A%204567&in=phone" });
            await log.WriteAsync(new AuditEntry { ActorId = AdminId, ActorName = "admin", Action = AuditActions.Search, TableName = "health_checks", Query = "source=USSD" });
            await log.WriteAsync(new AuditEntry { ActorId = AdminId, ActorName = "admin", Action = AuditActions.Search, TableName = "audit_entries", Query = "action=login" });
        }

        public async Task DisposeAsync() => await Db.DisposeAsync();
    }

    // The exact counts' limit is 50 ms; a busy shared machine can take longer over these 37k rows (not a timing test).
    private static readonly Dictionary<string, string?> Patient = new() { ["Counting:ExactTimeout"] = "00:00:10" };

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private IRenderedComponent<Home> Render(BunitContext ctx)
    {
        var cut = ctx.Render<Home>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")), Patience);
        return cut;
    }

    private async Task<(long Checks, long High)> WeekAsync(DateOnly to)
    {
        var range = $"(timestamp AT TIME ZONE '{Admin.Data.Time.DisplayTimeZone.DefaultId}')::date BETWEEN '{to.AddDays(-6):yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'";
        return (await data.Db.ScalarAsync<long>($"SELECT count(*) FROM health_checks WHERE {range}"),
            await data.Db.ScalarAsync<long>($"SELECT count(*) FROM health_checks WHERE {range} AND risk IN ('high', 'critical')"));
    }

    [Fact]
    public async Task A_manager_sees_this_week_against_last_week_the_trend_and_the_flagged_district()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db, Patient), role: Roles.Manager);

        var cut = Render(ctx);

        var newest = await data.Db.ScalarAsync<DateOnly>($"SELECT max((timestamp AT TIME ZONE '{Admin.Data.Time.DisplayTimeZone.DefaultId}')::date) FROM health_checks");
        var (checks, high) = await WeekAsync(newest);
        var (lastChecks, lastHigh) = await WeekAsync(newest.AddDays(-7));
        Assert.Equal(N(checks), cut.Find("[data-testid=week-checks]").TextContent.Trim());
        Assert.Contains($"({N(lastChecks)})", cut.Find("[data-testid=week-checks-change]").TextContent);
        Assert.Equal((high / (double)checks).ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=week-share]").TextContent.Trim());
        Assert.Contains("last week " + (lastHigh / (double)lastChecks).ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=week-share-change]").TextContent);
        Assert.Equal(12, cut.Find("[data-testid=sparkline] polyline").GetAttribute("points")!.Split(' ').Length);
        var flagged = cut.FindAll("[data-testid=flagged] tr[data-district]");
        Assert.Equal(["DC22"], flagged.Select(r => r.GetAttribute("data-district")));
        Assert.Contains("uMgungundlovu", flagged[0].TextContent);
        // Not a manager's: searches, records' tables, freshness.
        Assert.Empty(cut.FindAll("[data-testid=quick-search]"));
        Assert.Empty(cut.FindAll("[data-table]"));
        Assert.Empty(cut.FindAll("[data-testid=freshness]"));
    }

    [Fact]
    public async Task An_analyst_gets_a_search_box_that_goes_to_the_results_and_their_own_searches()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db, Patient), role: Roles.Analyst, userId: data.AnalystId);

        var cut = Render(ctx);

        var searches = cut.FindAll("[data-testid=recent-search]");
        Assert.Equal(2, searches.Count);
        Assert.Contains("q=+27 82 *** 4567 · in=phone", searches[0].TextContent);
        Assert.Empty(searches[0].QuerySelectorAll("a")); // masked: it cannot run again
        Assert.Equal("records/health-checks?province=ZA-GP&risk=high", searches[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("source=USSD", cut.Markup); // someone else's
        Assert.Empty(cut.FindAll("[data-testid=this-week]"));
        Assert.Empty(cut.FindAll("[data-testid=freshness]"));
        // Small tables counted exactly.
        Assert.Equal("52 districts", cut.Find("[data-table=districts] .table-size").TextContent.Trim());
        Assert.Equal("true", cut.Find("[data-table=districts]").GetAttribute("data-exact"));
        Assert.Contains("counted", cut.Find("[data-table=districts]").TextContent);

        cut.Find("input[data-testid=overview-search]").Input("082 123 4567");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        // The typed text reaches the component through MudBlazor's input handling; the button goes once it has.
        cut.WaitForAssertion(() =>
        {
            cut.Find("button[data-testid=overview-search-go]").Click();
            Assert.EndsWith("records/health-checks?q=082%20123%204567&in=phone", nav.Uri);
        }, Patience);
    }

    [Fact]
    public async Task An_admin_sees_everything_plus_freshness_and_the_export_queue()
    {
        await data.Db.ExecuteAsync("""
            INSERT INTO export_jobs (id, owner_id, owner_name, role, list, query, format, status, created_at, rows_done)
            VALUES (gen_random_uuid(), 'x', 'x', 'Analyst', 'health-checks', '', 'csv', 'queued', now(), 0),
                   (gen_random_uuid(), 'x', 'x', 'Analyst', 'health-checks', '', 'csv', 'running', now(), 0)
            """);
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db, Patient), role: Roles.Admin, userId: data.AdminId);

        var cut = Render(ctx);

        Assert.NotEmpty(cut.FindAll("[data-testid=this-week]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=quick-search]"));
        var links = cut.FindAll("[data-testid=recent-search] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["admin/audit?action=login", "records/health-checks?source=USSD"], links);
        Assert.Contains(Admin.Data.Time.DisplayTimeZone.Default.Label, cut.Find("[data-testid=rollups-as-of]").TextContent);
        var newest = await data.Db.ScalarAsync<DateOnly>($"SELECT max((timestamp AT TIME ZONE '{Admin.Data.Time.DisplayTimeZone.DefaultId}')::date) FROM health_checks");
        Assert.Equal(newest.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=data-through]").TextContent.Trim());
        Assert.StartsWith("1", cut.Find("[data-testid=exports-queued]").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-testid=exports-running]").TextContent.Trim());
        var checks = await data.Db.ScalarAsync<long>("SELECT count(*) FROM health_checks");
        Assert.Equal($"{N(checks)} checks", cut.Find("[data-table=health_checks] .table-size").TextContent.Trim());
        Assert.Equal("0 registrations", cut.Find("[data-table=vaccine_registrations] .table-size").TextContent.Trim());
    }

    [Fact]
    public async Task Says_so_when_the_database_is_unreachable()
    {
        await using var down = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Admin"] = $"Host=127.0.0.1;Port={ClosedPort.Find()};Database=nowhere;Username=postgres;Timeout=2" };
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(down, settings), role: Roles.Admin, userId: "someone");

        var cut = Render(ctx);

        Assert.Contains("The database cannot be reached right now", cut.Find("[data-testid=weeks-error]").TextContent);
        Assert.Contains("The database cannot be reached right now", cut.Find("[data-testid=freshness]").TextContent);
        Assert.Empty(cut.FindAll("[data-table]"));
    }
}
