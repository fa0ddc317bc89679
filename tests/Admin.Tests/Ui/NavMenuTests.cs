using Admin.Data.Security;
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

        var links = cut.FindAll("a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href") ?? "");
        Assert.Equal("", links.GetValueOrDefault("Overview"));
        // Sections may link to a default sub-page (records/health-checks); the section is the first segment.
        Assert.StartsWith("records", links.GetValueOrDefault("Records"));
        Assert.StartsWith("hotspots", links.GetValueOrDefault("Hotspots"));
        Assert.StartsWith("admin", links.GetValueOrDefault("Admin"));
    }

    [Fact]
    public async Task Marks_the_current_section_active()
    {
        await using var ctx = UiTestContext.Create();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("admin/some-page");

        var cut = ctx.Render<NavMenu>();

        var active = cut.FindAll("a.active").Select(a => a.TextContent.Trim());
        Assert.Equal(["Admin"], active);
    }

    [Theory]
    [InlineData(Roles.Admin, "Overview,Records,Vaccine registrations,Exports,Hotspots,Admin,Audit trail,Users,API keys,Performance")]
    [InlineData(Roles.Analyst, "Overview,Records,Vaccine registrations,Exports,Hotspots")]
    [InlineData(Roles.Manager, "Overview,Hotspots")]
    public async Task Shows_each_role_only_the_sections_it_may_open(string role, string expected)
    {
        await using var ctx = UiTestContext.Create(role: role);

        var cut = ctx.Render<NavMenu>();

        Assert.Equal(expected, string.Join(",", cut.FindAll("a").Select(a => a.TextContent.Trim())));
    }
}
