using Admin.Components.Filters;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Admin.Components.Tests.Filters;

public class FilterBarTests
{
    private static readonly IReadOnlyList<FilterField> Fields =
    [
        new("province", "Province", [new("ZA-GP", "Gauteng"), new("ZA-WC", "Western Cape")]),
        new("risk", "Risk", [new("high", "high"), new("low", "low")]),
        new("source", "Source", [new("USSD", "USSD")]),
    ];

    // Served combinations: each alone, and province + risk.
    private static bool Served(IReadOnlySet<string> s) => s.Count == 1 || (s.Count == 2 && s.Contains("province") && s.Contains("risk"));

    [Fact]
    public async Task Offers_only_the_filters_that_combine_with_the_active_ones()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<FilterBar>(p => p
            .Add(x => x.Fields, Fields)
            .Add(x => x.Values, new Dictionary<string, string?> { ["province"] = "ZA-GP" })
            .Add(x => x.IsCombinable, Served));

        bool Disabled(string name) => cut.Find($"[data-filter={name}]").GetAttribute("aria-disabled") == "true";
        Assert.False(Disabled("province"));
        Assert.False(Disabled("risk"));
        Assert.True(Disabled("source"));
        Assert.Contains("Not combinable", cut.Markup);
    }

    [Fact]
    public async Task With_nothing_active_every_filter_is_offered()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<FilterBar>(p => p.Add(x => x.Fields, Fields).Add(x => x.IsCombinable, Served));
        Assert.DoesNotContain("Not combinable", cut.Markup);
        Assert.Equal(3, cut.FindAll("[data-filter]").Count);
    }
}
