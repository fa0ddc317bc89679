using Admin.Components.Grid;
using Admin.Data.Audit;
using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>What the pages write to the audit trail (real database): searches, record views and exact counts.</summary>
public sealed class UiAuditTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _db = null!;
    private List<HealthCheck> _rows = [];
    private string _analystId = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _rows = await PersonalRows.SeedAsync(_db);
        // 500 more, a quarter of them in ZA-GP (g % 4 == 0): enough for the grid to fetch a second block when scrolled.
        await SqlSeed.HealthChecksAsync(_db, 500);
        _analystId = await TestAccounts.IdOfAsync(_db, await TestAccounts.EnsureAsync(_db, Roles.Analyst));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private BunitContext Context(string role, string url, RendererInfo? renderer = null, string? userId = null)
    {
        var ctx = UiTestContext.Create(s => s.AddAppServices(_db, new Dictionary<string, string?> { ["Counting:ExactCeiling"] = "0" }), renderer, role, userId);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx;
    }

    [Fact]
    public async Task A_search_is_recorded_once_per_distinct_query_not_per_block_jump_or_unfiltered_view()
    {
        await using var ctx = Context(Roles.Analyst, "records/health-checks", userId: _analystId);
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);
        Assert.Empty(await AuditRows.ListAsync(_db, AuditActions.Search)); // browsing is not searching

        await cut.InvokeAsync(() => nav.NavigateTo("records/health-checks?province=ZA-GP"));
        var grid = cut.FindComponent<KeysetGrid<HealthCheck>>();
        var block = grid.Instance.BlockSize; // 125 seeded + the 40 personal rows in ZA-GP: more than two blocks
        cut.WaitForAssertion(() => Assert.Equal(block, cut.FindComponent<KeysetGrid<HealthCheck>>().Instance.Rows.Count), Patience);
        // Scroll to the end of the first block: the grid fetches the next one ...
        grid = cut.FindComponent<KeysetGrid<HealthCheck>>();
        await cut.InvokeAsync(() => grid.Instance.OnViewportChanged(scrollTop: (block - 10) * 36, clientHeight: 10 * 36));
        cut.WaitForAssertion(() => Assert.Equal(2 * block, grid.Instance.Rows.Count), Patience);
        // ... and a jump to a date (01:00 UTC, in the display zone SAST) keeps the same query.
        await cut.InvokeAsync(() => nav.NavigateTo("records/health-checks?province=ZA-GP&at=2021-01-01T03:00"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);
        await cut.InvokeAsync(() => nav.NavigateTo("records/health-checks?province=ZA-GP&risk=low"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);

        var searches = await AuditRows.ListAsync(_db, AuditActions.Search);
        Assert.Equal(["province=ZA-GP", "province=ZA-GP&risk=low"], searches.Select(e => e.Query));
        Assert.All(searches, e =>
        {
            Assert.Equal("health_checks", e.TableName);
            Assert.Equal("analyst", e.ActorName);
            Assert.Equal(_analystId, e.ActorId);
        });
    }

    [Fact]
    public async Task An_analyst_s_search_for_a_full_number_is_recorded_with_the_number_masked()
    {
        await using var ctx = Context(Roles.Analyst, "records/health-checks?q=082%20123%204567&in=phone");

        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr.kg-row").Count), Patience);

        var search = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.Search));
        Assert.Equal("q=+27 82 *** 4567&in=phone", Uri.UnescapeDataString(search.Query!));
    }

    [Fact]
    public async Task Opening_a_record_is_recorded_as_a_view_of_that_record_and_a_prerender_records_nothing()
    {
        var check = _rows[0];
        await using (var prerender = Context(Roles.Analyst, $"records/health-checks/{check.Id}", new RendererInfo("Static", isInteractive: false)))
            prerender.Render<HealthCheckDetail>(p => p.Add(x => x.Id, check.Id));
        Assert.Empty(await AuditRows.ListAsync(_db, AuditActions.View));

        await using var ctx = Context(Roles.Analyst, $"records/health-checks/{check.Id}", userId: _analystId);
        var cut = ctx.Render<HealthCheckDetail>(p => p.Add(x => x.Id, check.Id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=detail-fields]")), Patience);
        cut.Render(); // a re-render is not another view

        var view = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.View));
        Assert.Equal("health_checks", view.TableName);
        Assert.Equal(check.Id.ToString(), view.RecordId);
        Assert.Equal("analyst", view.ActorName);
    }

    [Fact]
    public async Task A_vaccine_registration_opened_is_recorded_as_a_view()
    {
        var id = await _db.ScalarAsync<long>($"SELECT id FROM vaccine_registrations WHERE mobile_number = '{PersonalRows.VaccineNumber}'");
        await using var ctx = Context(Roles.Analyst, $"records/vaccine-registrations/{id}");

        var cut = ctx.Render<RecordDetail>(p => p.Add(x => x.Slug, VaccineRegistrationList.Slug).Add(x => x.Id, id.ToString()));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=detail-fields]")), Patience);

        var view = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.View), e => e.TableName == "vaccine_registrations");
        Assert.Equal(id.ToString(), view.RecordId);
    }

    [Fact]
    public async Task An_admin_s_exact_count_is_recorded_with_its_query()
    {
        await using var ctx = Context(Roles.Admin, "records/health-checks?province=ZA-GP");
        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=count-exact]")), Patience);

        cut.Find("[data-testid=count-exact]").Click();
        cut.WaitForAssertion(() => Assert.Equal("exact", cut.Find("[data-testid=count-label]").GetAttribute("data-kind")), Patience);

        Assert.Contains("165 checks", cut.Find("[data-testid=count-label]").TextContent);
        var count = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.CountExact));
        Assert.Equal("health_checks", count.TableName);
        Assert.Equal("province=ZA-GP", count.Query);
        Assert.Equal("admin", count.ActorName);
    }
}
