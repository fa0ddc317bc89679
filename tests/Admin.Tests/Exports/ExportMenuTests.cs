using Admin.Data.Exports;
using Admin.Exports;
using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Ui;
using Admin.Ui.Exports;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Exports;

/// <summary>The records page's Export menu: a button and a list (not a MudMenu), over a real database.</summary>
public sealed class ExportMenuTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _analystId = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.InsertHealthChecksAsync(3);
        _analystId = await TestAccounts.IdOfAsync(_db, await TestAccounts.EnsureAsync(_db, Roles.Analyst));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IRenderedComponent<ExportMenu> Render(BunitContext ctx, bool disabled = false) =>
        ctx.Render<ExportMenu>(p => p.Add(x => x.List, HealthCheckList.Slug).Add(x => x.QueryString, "province=ZA-GP").Add(x => x.Disabled, disabled));

    [Fact]
    public async Task It_opens_on_its_button_lists_every_format_closes_on_Escape_and_a_small_export_downloads_at_once()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Analyst, userId: _analystId);
        var cut = Render(ctx);
        var toggle = cut.Find("[data-testid=export-menu] > button");
        Assert.Equal(("false", "menu"), (toggle.GetAttribute("aria-expanded"), toggle.GetAttribute("aria-haspopup")));
        Assert.Empty(cut.FindAll("[role=menu]"));

        toggle.Click();
        Assert.Equal("true", cut.Find("[data-testid=export-menu] > button").GetAttribute("aria-expanded"));
        Assert.Equal(cut.Find("[role=menu]").Id, cut.Find("[data-testid=export-menu] > button").GetAttribute("aria-controls"));
        Assert.Equal(ExportFormats.All.Select(f => $"export-{f.Code()}"), cut.FindAll("[role=menuitem]").Select(b => b.GetAttribute("data-testid")));

        cut.Find("[data-testid=export-menu]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(cut.FindAll("[role=menu]"));

        cut.Find("[data-testid=export-menu] > button").Click();
        await cut.InvokeAsync(() => cut.Find("[data-testid=export-csv]").Click());
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith(ExportRequests.DownloadPath(HealthCheckList.Slug, ExportFormat.Csv, "province=ZA-GP"), nav.Uri), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("[role=menu]"));
    }

    [Fact]
    public async Task Disabled_it_neither_opens_nor_offers_a_format()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Analyst, userId: _analystId);
        var cut = Render(ctx, disabled: true);
        Assert.True(cut.Find("[data-testid=export-menu] > button").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[role=menuitem]"));
    }
}
