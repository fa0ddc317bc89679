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

/// <summary>The list page's column chooser (saved per person) and its side panel, over a real database.</summary>
public sealed class ListColumnsAndPanelTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _db = null!;
    private List<HealthCheck> _rows = [];
    private string _analystId = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _rows = await PersonalRows.SeedAsync(_db);
        _analystId = await TestAccounts.IdOfAsync(_db, await TestAccounts.EnsureAsync(_db, Roles.Analyst));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private BunitContext Context(string url)
    {
        var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Analyst, userId: _analystId);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx;
    }

    private static List<string> Headers(IRenderedComponent<Records> cut) => cut.FindAll("th.kg-head").Select(th => th.TextContent).ToList();

    [Fact]
    public async Task A_chosen_column_is_saved_for_the_person_and_a_personal_one_stays_masked()
    {
        await using (var ctx = Context("records/health-checks"))
        {
            var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
            cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);
            Assert.Equal(HealthCheckList.Definition.Columns.Where(c => c.ShownByDefault).Select(c => c.TitleIn(Admin.Data.Time.DisplayTimeZone.Default)), Headers(cut));

            // The grid renders as its rows arrive: find and act in one dispatch, so no render slips between them.
            cut.WaitForAssertion(() => Assert.False(cut.FindComponent<KeysetGrid<HealthCheck>>().Instance.IsLoading), Patience);
            await cut.InvokeAsync(() => cut.Find("[data-testid=column-chooser-toggle]").Click());
            cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-column=first_name] input")), Patience);
            // Both ticks before either save ends, as a quick hand gives them; the page must write the last one last.
            var first = cut.InvokeAsync(() => cut.Find("[data-column=first_name] input").ChangeAsync(new ChangeEventArgs { Value = true }));
            var second = cut.InvokeAsync(() => cut.Find("[data-column=source] input").ChangeAsync(new ChangeEventArgs { Value = false }));
            await Task.WhenAll(first, second);

            cut.WaitForAssertion(() => Assert.Contains("First name", Headers(cut)), Patience);
            Assert.DoesNotContain("Source", Headers(cut));
        }
        var saved = await _db.ScalarAsync<string[]>($"SELECT columns FROM user_column_choices WHERE user_id = '{_analystId}' AND list = 'health-checks'");
        Assert.Contains("first_name", saved);
        Assert.DoesNotContain("source", saved);

        // Another visit (a new circuit, a new node's memory): the choice holds, and first names show as initials.
        await using var later = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Analyst, userId: _analystId);
        later.Services.GetRequiredService<NavigationManager>().NavigateTo("records/health-checks");
        var again = later.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
        again.WaitForAssertion(() => Assert.NotEmpty(again.FindAll("tr.kg-row")), Patience);
        var headers = Headers(again);
        Assert.Contains("First name", headers);
        Assert.DoesNotContain("Source", headers);
        var column = headers.IndexOf("First name");
        var names = again.FindAll("tr.kg-row").Select(r => r.QuerySelectorAll("td:not(.kg-copy-cell)")[column].TextContent).ToList();
        Assert.All(names, n => Assert.Matches(@"^[A-Z]\.$", n));
        Assert.DoesNotContain(PersonalRows.FirstName, again.Markup);
    }

    [Fact]
    public async Task A_saved_choice_naming_removed_columns_shows_what_is_left()
    {
        await _db.ExecuteAsync($"INSERT INTO user_column_choices (user_id, list, columns) VALUES ('{_analystId}', 'health-checks', ARRAY['risk', 'retired_column'])");
        await using var ctx = Context("records/health-checks");

        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);

        Assert.Equal(["Risk"], Headers(cut));
    }

    [Fact]
    public async Task In_panel_mode_a_row_opens_beside_the_grid_which_keeps_its_rows_and_the_view_is_audited()
    {
        await using var ctx = Context("records/health-checks?panel=1");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);

        cut.WaitForAssertion(() => Assert.False(cut.FindComponent<KeysetGrid<HealthCheck>>().Instance.IsLoading), Patience);
        await cut.InvokeAsync(() => cut.FindAll("tr.kg-row")[2].Click());

        var opened = _rows.OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id).ElementAt(2);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=record-panel-fields]")), Patience);
        Assert.Contains($"open={opened.Id}", nav.Uri);
        Assert.Contains("panel=1", nav.Uri);
        Assert.Contains("at=", nav.Uri); // the place of the rows in view, so Back and a reload come back to it
        var fields = cut.Find("[data-testid=record-panel-fields]").TextContent;
        Assert.Contains(opened.Id.ToString(), fields);
        Assert.Contains(" *** ", fields); // masked for an analyst
        Assert.DoesNotContain(opened.Msisdn, fields);
        var view = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.View));
        Assert.Equal(opened.Id.ToString(), view.RecordId);

        // Closing (as Back does: the address without "open") leaves the grid as it was.
        var before = cut.FindComponent<KeysetGrid<HealthCheck>>().Instance;
        await cut.InvokeAsync(() => cut.Find("[data-testid=record-panel-close]").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=record-panel]")), Patience);
        Assert.DoesNotContain("open=", nav.Uri);
        Assert.Same(before, cut.FindComponent<KeysetGrid<HealthCheck>>().Instance);
    }
}
