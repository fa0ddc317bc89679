using Admin.Ui.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Admin.Tests.Ui;

public class MainLayoutTests
{
    [Fact]
    public async Task Renders_app_bar_navigation_and_the_page_body()
    {
        await using var ctx = UiTestContext.Create();

        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p id=\"page-body\">page body</p>"));

        Assert.Equal("HealthCheck Admin", cut.Find(".mud-appbar h6").TextContent.Trim());
        Assert.Equal("page body", cut.Find(".mud-main-content #page-body").TextContent);
        Assert.Contains("Records", cut.Find(".mud-drawer").TextContent);
    }

    [Fact]
    public async Task The_menu_button_toggles_the_drawer()
    {
        await using var ctx = UiTestContext.Create();
        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p>body</p>"));
        // The responsive drawer's first state depends on the (unknown, JS-reported) screen width: compare to it.
        bool IsOpen() => cut.Find(".mud-drawer").ClassList.Contains("mud-drawer--open");
        var initiallyOpen = IsOpen();

        cut.Find("button[aria-label='Toggle navigation']").Click();
        Assert.Equal(!initiallyOpen, IsOpen());

        cut.Find("button[aria-label='Toggle navigation']").Click();
        Assert.Equal(initiallyOpen, IsOpen());
    }

    [Theory]
    [InlineData("Static", false, "false")]
    [InlineData("Server", true, "true")]
    public async Task Marks_whether_a_live_circuit_rendered_it(string renderer, bool interactive, string expected)
    {
        // Browser tests wait for data-interactive="true" before clicking (PageExtensions.WaitForCircuitAsync).
        await using var ctx = UiTestContext.Create(renderer: new RendererInfo(renderer, interactive));

        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p>body</p>"));

        Assert.Equal(expected, cut.Find(".mud-layout").GetAttribute("data-interactive"));
    }
}
