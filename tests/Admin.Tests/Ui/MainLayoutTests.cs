using Admin.Data.Security;
using Admin.Testing;
using Admin.Ui.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Admin.Tests.Ui;

public class MainLayoutTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Renders_app_bar_navigation_and_the_page_body()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db));

        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p id=\"page-body\">page body</p>"));

        Assert.Equal("HealthCheck Admin", cut.Find(".mud-appbar h6").TextContent.Trim());
        Assert.Equal("page body", cut.Find(".mud-main-content #page-body").TextContent);
        Assert.Contains("Records", cut.Find(".mud-drawer").TextContent);
    }

    [Fact]
    public async Task The_menu_button_toggles_the_drawer()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db));
        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p>body</p>"));
        // The responsive drawer's first state depends on the (unknown, JS-reported) screen width: compare to it.
        bool IsOpen() => cut.Find(".mud-drawer").ClassList.Contains("mud-drawer--open");
        var initiallyOpen = IsOpen();

        cut.Find("button[aria-label='Toggle navigation']").Click();
        Assert.Equal(!initiallyOpen, IsOpen());

        cut.Find("button[aria-label='Toggle navigation']").Click();
        Assert.Equal(initiallyOpen, IsOpen());
    }

    [Fact]
    public async Task The_layout_is_MudBlazor_markup_with_no_MudBlazor_component_but_the_theme_and_the_snackbar()
    {
        // The layout is in every circuit: as MudBlazor components it was about twenty, each kept for the circuit's life.
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db));
        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p>body</p>"));

        var mud = cut.FindComponents<MudBlazor.MudComponentBase>().Select(c => c.Instance.GetType().Name).Order().ToList();
        Assert.Equal(["MudSnackbarProvider"], mud); // the theme provider is not a MudComponentBase
        Assert.Empty(cut.FindComponents<MudBlazor.MudPopoverProvider>());
        Assert.Equal("true", cut.Find("button[aria-label='Toggle navigation']").GetAttribute("aria-expanded"));
    }

    [Theory]
    [InlineData("Static", false, "false")]
    [InlineData("Server", true, "true")]
    public async Task Marks_whether_a_live_circuit_rendered_it(string renderer, bool interactive, string expected)
    {
        // Browser tests wait for data-interactive="true" before clicking (PageExtensions.WaitForCircuitAsync).
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), renderer: new RendererInfo(renderer, interactive));

        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p>body</p>"));

        Assert.Equal(expected, cut.Find(".mud-layout").GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task Dark_mode_is_saved_for_the_user_and_comes_back_on_the_next_page()
    {
        var name = await TestAccounts.EnsureAsync(_db, Roles.Analyst, "night-owl");
        var id = await TestAccounts.IdOfAsync(_db, name);
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Analyst, userId: id);

        // The layout reads the user's saved choice from the database first: on a busy CI box that outlasted bunit's 1 s wait.
        var wait = TimeSpan.FromSeconds(10);
        var first = ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p>body</p>"));
        Assert.Equal("false", first.WaitForElement("[data-testid=theme-toggle]", wait).GetAttribute("aria-pressed"));
        var lightBackground = Background(first.Markup);
        await first.Find("[data-testid=theme-toggle]").ClickAsync(new());

        first.WaitForAssertion(() => Assert.Equal("true", first.Find("[data-testid=theme-toggle]").GetAttribute("aria-pressed")), wait);
        Assert.True(await _db.ScalarAsync<bool>($"SELECT dark_mode FROM users WHERE id = '{id}'"));
        // Another user's choice is theirs alone.
        var other = await TestAccounts.EnsureAsync(_db, Roles.Analyst, "early-bird");
        Assert.False(await _db.ScalarAsync<bool>($"SELECT dark_mode FROM users WHERE user_name = '{other}'"));

        // A new page (a new layout instance) reads it back: MudBlazor's dark palette is in the theme's style.
        await using var later = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Analyst, userId: id);
        var next = later.Render<MainLayout>(p => p.Add(l => l.Body, "<p>body</p>"));
        Assert.Equal("true", next.WaitForElement("[data-testid=theme-toggle]", wait).GetAttribute("aria-pressed"));
        Assert.NotEqual(lightBackground, Background(next.Markup));
    }

    /// <summary>The page background MudThemeProvider's style sets (its light or dark palette).</summary>
    private static string Background(string markup) =>
        System.Text.RegularExpressions.Regex.Match(markup, @"--mud-palette-background:\s*([^;]+);") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("MudThemeProvider's style sets no --mud-palette-background.");
}
