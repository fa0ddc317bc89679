using Admin.Ui.Layout;
using Bunit;
using MudBlazor;

namespace Admin.Tests.Ui;

public class SharedThemeProviderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Renders_what_MudThemeProvider_renders(bool dark)
    {
        await using var ctx = UiTestContext.Create();

        var mud = ctx.Render<MudThemeProvider>(p => p.Add(t => t.Theme, AppTheme.Value).Add(t => t.IsDarkMode, dark));
        var shared = ctx.Render<SharedThemeProvider>(p => p.Add(t => t.Theme, AppTheme.Value).Add(t => t.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary", shared.Markup);
        Assert.Equal(mud.Markup, shared.Markup);
    }

    [Fact]
    public async Task Follows_the_mode_when_it_changes()
    {
        await using var ctx = UiTestContext.Create();
        var light = ctx.Render<MudThemeProvider>(p => p.Add(t => t.Theme, AppTheme.Value).Add(t => t.IsDarkMode, false)).Markup;
        var dark = ctx.Render<MudThemeProvider>(p => p.Add(t => t.Theme, AppTheme.Value).Add(t => t.IsDarkMode, true)).Markup;
        Assert.NotEqual(light, dark);

        var cut = ctx.Render<SharedThemeProvider>(p => p.Add(t => t.Theme, AppTheme.Value).Add(t => t.IsDarkMode, false));
        Assert.Equal(light, cut.Markup);
        cut.Render(p => p.Add(t => t.IsDarkMode, true));
        Assert.Equal(dark, cut.Markup);
    }
}
