using Admin.Components.Grid;
using Admin.Data.Audit;
using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Ui.Pages;
using Admin.Ui.Records;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>
/// A change on a list page is shown at once and the address follows (real database): the browser's confirmation of the
/// navigation, a round trip in Blazor Server, is not waited for, and a confirmation that a later change has overtaken
/// does not take the page back.
/// </summary>
public sealed class ListAddressTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _db = null!;
    private string _analystId = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await PersonalRows.SeedAsync(_db);
        await SqlSeed.HealthChecksAsync(_db, 200);
        _analystId = await TestAccounts.IdOfAsync(_db, await TestAccounts.EnsureAsync(_db, Roles.Analyst));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private (BunitContext, HeldNavigationManager, IRenderedComponent<Records>) Render()
    {
        var nav = new HeldNavigationManager("http://localhost/", "http://localhost/records/health-checks");
        var ctx = UiTestContext.Create(s => s.AddAppServices(_db).AddSingleton<NavigationManager>(nav), role: Roles.Analyst, userId: _analystId);
        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);
        return (ctx, nav, cut);
    }

    private static IReadOnlyList<HealthCheck> Rows(IRenderedComponent<Records> cut) => cut.FindComponent<KeysetGrid<HealthCheck>>().Instance.Rows;

    private static void ShowsOnly(IRenderedComponent<Records> cut, Admin.Data.Domain.Province province) =>
        cut.WaitForAssertion(() =>
        {
            var rows = Rows(cut);
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(province, r.Province));
        }, Patience);

    private static void Choose(IRenderedComponent<Records> cut, string filter, string value) =>
        cut.Find($"select[data-filter={filter}]").Change(value);

    [Fact]
    public async Task A_filter_shows_its_rows_before_the_browser_confirms_and_the_confirmation_fetches_nothing_again()
    {
        var (ctx, nav, cut) = Render();
        await using var _ = ctx;

        Choose(cut, "province", "ZA-GP");

        ShowsOnly(cut, Admin.Data.Domain.Province.Gauteng);
        Assert.Equal(["records/health-checks?province=ZA-GP"], nav.Requested);
        Assert.Equal("http://localhost/records/health-checks", nav.Uri); // the browser has not answered yet

        var grid = cut.FindComponent<KeysetGrid<HealthCheck>>().Instance;
        await cut.InvokeAsync(() => nav.Confirm(0));
        Assert.Same(grid, cut.FindComponent<KeysetGrid<HealthCheck>>().Instance);
        Assert.Equal(["province=ZA-GP"], (await AuditRows.ListAsync(_db, AuditActions.Search)).Select(e => e.Query));
    }

    [Fact]
    public async Task A_confirmation_a_later_change_has_overtaken_does_not_take_the_page_back_but_back_does()
    {
        var (ctx, nav, cut) = Render();
        await using var _ = ctx;

        Choose(cut, "province", "ZA-GP");
        ShowsOnly(cut, Admin.Data.Domain.Province.Gauteng);
        Choose(cut, "province", "ZA-WC");
        ShowsOnly(cut, Admin.Data.Domain.Province.WesternCape);

        await cut.InvokeAsync(() => nav.Confirm(0)); // the first change's address, overtaken by the second
        await cut.InvokeAsync(() => nav.Confirm(1));
        ShowsOnly(cut, Admin.Data.Domain.Province.WesternCape);
        Assert.Equal(["province=ZA-GP", "province=ZA-WC"], (await AuditRows.ListAsync(_db, AuditActions.Search)).Select(e => e.Query));

        // An address the page did not go to itself (the browser's Back) is read as ever.
        await cut.InvokeAsync(() => nav.Report("records/health-checks?province=ZA-GP"));
        ShowsOnly(cut, Admin.Data.Domain.Province.Gauteng);
    }

    [Fact]
    public void The_queue_of_addresses_ahead_reads_what_the_page_did_not_do_itself()
    {
        var ahead = new AddressesAhead();
        Assert.True(ahead.ShouldRead("a")); // nothing ahead

        ahead.Applied("b");
        ahead.Applied("c");
        Assert.False(ahead.ShouldRead("b")); // c is shown already
        Assert.True(ahead.ShouldRead("c"));  // the last one: reading it changes nothing

        ahead.Applied("d");
        Assert.True(ahead.ShouldRead("x"));  // Back, or any address the page did not go to
        Assert.True(ahead.ShouldRead("d"));  // the queue was dropped: read as it comes
    }

    /// <summary>A browser that goes where it is asked only when the test says so, as a busy one would later.</summary>
    private sealed class HeldNavigationManager : NavigationManager
    {
        public HeldNavigationManager(string baseUri, string uri) => Initialize(baseUri, uri);

        public List<string> Requested { get; } = [];

        protected override void NavigateToCore(string uri, NavigationOptions options) => Requested.Add(uri);

        public void Confirm(int index) => Report(Requested[index]);

        public void Report(string uri)
        {
            Uri = ToAbsoluteUri(uri).ToString();
            NotifyLocationChanged(isInterceptedLink: false);
        }
    }
}
