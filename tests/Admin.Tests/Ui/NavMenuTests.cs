using Admin.Ui.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

public class NavMenuTests
{
    [Fact]
    public async Task Links_every_section()
    {
        await using var ctx = UiTestContext.Create();

        var cut = ctx.Render<NavMenu>();

        var links = cut.FindAll("a").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href"))).ToList();
        Assert.Equal([("Overview", ""), ("Records", "records"), ("Hotspots", "hotspots"), ("Admin", "admin")], links);
    }

    [Fact]
    public async Task Marks_the_current_section_active()
    {
        await using var ctx = UiTestContext.Create();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("records/some-id");

        var cut = ctx.Render<NavMenu>();

        var active = cut.FindAll("a.active").Select(a => a.TextContent.Trim());
        Assert.Equal(["Records"], active);
    }
}
