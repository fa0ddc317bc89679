using Admin.Components.Counting;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Admin.Components.Tests.Counting;

public class CountLabelTests
{
    [Theory]
    [InlineData(1204L, true, "1,204 checks", "exact")]
    [InlineData(1L, true, "1 check", "exact")]
    [InlineData(2_345_678L, false, "about 2.3M checks", "estimate")]
    [InlineData(69_121L, false, "about 69k checks", "estimate")]
    [InlineData(20_012_345L, false, "about 20.0M checks", "estimate")]
    public async Task Says_whether_the_number_is_counted_or_estimated(long value, bool exact, string text, string kind)
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<CountLabel>(p => p.Add(x => x.Value, value).Add(x => x.IsExact, exact).Add(x => x.NounOne, "check").Add(x => x.NounMany, "checks"));
        Assert.Equal(text, cut.Find(".count-value").TextContent);
        Assert.Equal(kind, cut.Find("[data-testid=count-label]").GetAttribute("data-kind"));
    }

    [Fact]
    public async Task Pending_until_the_count_arrives()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<CountLabel>(p => p.Add(x => x.Value, (long?)null));
        Assert.Equal("pending", cut.Find("[data-testid=count-label]").GetAttribute("data-kind"));
        Assert.Contains("counting", cut.Markup);
    }

    [Fact]
    public async Task An_estimate_can_be_counted_exactly_and_the_count_cancelled()
    {
        await using var ctx = ComponentContext.Create();
        var asked = 0;
        var cancelled = 0;
        var cut = ctx.Render<CountLabel>(p => p.Add(x => x.Value, 5_000_000L).Add(x => x.CanAskExact, true)
            .Add(x => x.OnAskExact, () => asked++).Add(x => x.OnCancelExact, () => cancelled++));
        cut.Find("[data-testid=count-exact] ").Click();
        Assert.Equal(1, asked);

        cut.Render(p => p.Add(x => x.ExactRunning, true));
        Assert.Empty(cut.FindAll("[data-testid=count-exact]"));
        cut.Find("[data-testid=count-cancel]").Click();
        Assert.Equal(1, cancelled);
    }

    [Fact]
    public async Task An_exact_count_offers_no_recount()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<CountLabel>(p => p.Add(x => x.Value, 12L).Add(x => x.IsExact, true).Add(x => x.CanAskExact, true));
        Assert.Empty(cut.FindAll("[data-testid=count-exact]"));
    }

    [Fact]
    public async Task An_estimate_offers_no_exact_count_to_whoever_may_not_ask()
    {
        // The page decides who may (admins only); the label only obeys.
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<CountLabel>(p => p.Add(x => x.Value, 5_000_000L).Add(x => x.CanAskExact, false));
        Assert.Contains("about 5.0M", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=count-exact]"));
    }
}
