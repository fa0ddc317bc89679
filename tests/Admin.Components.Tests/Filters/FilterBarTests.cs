using Admin.Components.Filters;
using Bunit;
using Bunit.Rendering;
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

    [Fact]
    public async Task The_date_range_carries_the_label_the_page_gives_it()
    {
        await using var ctx = ComponentContext.Create();
        // The page names the days' time zone; the bar itself knows nothing of zones.
        var cut = ctx.Render<FilterBar>(p => p.Add(x => x.Fields, Fields).Add(x => x.ShowDateRange, true).Add(x => x.DateRangeLabel, "Dates (SAST)")
            .Add(x => x.From, new DateOnly(2021, 1, 21)).Add(x => x.To, new DateOnly(2021, 1, 21)));
        Assert.Contains("Dates (SAST)", cut.Markup);
        Assert.DoesNotContain("UTC", cut.Markup);
    }
}

/// <summary>The counts beside the options (facets): "Gauteng 4.1M", largest first where the field asks for it.</summary>
public class FilterBarFacetTests
{
    private static readonly IReadOnlyList<FilterField> Fields =
    [
        new("province", "Province", [new("ZA-EC", "Eastern Cape"), new("ZA-GP", "Gauteng"), new("ZA-WC", "Western Cape")]),
        new("district", "District", [new("EKU", "Ekurhuleni"), new("JHB", "Johannesburg"), new("TSH", "Tshwane")]) { OrderByCount = true },
    ];

    private static readonly Dictionary<string, IReadOnlyDictionary<string, long>> Counts = new()
    {
        ["province"] = new Dictionary<string, long> { ["ZA-GP"] = 4_123_456, ["ZA-WC"] = 812_000 },
        ["district"] = new Dictionary<string, long> { ["EKU"] = 950, ["JHB"] = 1_500_000, ["TSH"] = 20_400 },
    };

    // The bar with MudBlazor's popover host beside it, so an opened select's options render.
    private static IRenderedComponent<ContainerFragment> Render(BunitContext ctx, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>? counts,
        IReadOnlyDictionary<string, string?>? values = null) =>
        ctx.Render(b =>
        {
            b.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<FilterBar>(1);
            b.AddAttribute(2, nameof(FilterBar.Fields), Fields);
            b.AddAttribute(3, nameof(FilterBar.Counts), counts);
            b.AddAttribute(4, nameof(FilterBar.Values), values ?? new Dictionary<string, string?>());
            b.CloseComponent();
        });

    private static async Task<List<(string Value, string Label, string? Count)>> OptionsAsync(IRenderedComponent<ContainerFragment> cut, int field)
    {
        var select = cut.FindComponents<MudBlazor.MudSelect<string>>()[field];
        await cut.InvokeAsync(select.Instance.OpenMenu);
        return cut.FindAll(".facet-option").Select(o => (o.GetAttribute("data-option")!, o.QuerySelector(".facet-label")!.TextContent.Trim(),
            o.QuerySelector(".facet-count")?.TextContent.Trim())).ToList();
    }

    [Fact]
    public async Task Each_option_shows_its_count_short()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, Counts);
        var options = await OptionsAsync(cut, 0);
        Assert.Equal([("ZA-EC", "Eastern Cape", "0"), ("ZA-GP", "Gauteng", "4.1M"), ("ZA-WC", "Western Cape", "812k")], options);
        Assert.Equal("4,123,456", cut.Find(".facet-option[data-option='ZA-GP'] .facet-count").GetAttribute("title"));
    }

    [Fact]
    public async Task A_field_that_asks_for_it_lists_its_options_largest_first()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, Counts);
        var options = await OptionsAsync(cut, 1);
        Assert.Equal(["JHB", "TSH", "EKU"], options.Select(o => o.Value));
        Assert.Equal(["1.5M", "20k", "950"], options.Select(o => o.Count!));
    }

    [Fact]
    public async Task Without_counts_the_options_have_none_and_keep_their_order()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, null);
        var options = await OptionsAsync(cut, 1);
        Assert.Equal(["EKU", "JHB", "TSH"], options.Select(o => o.Value));
        Assert.All(options, o => Assert.Null(o.Count));
    }

    [Fact]
    public async Task The_chosen_option_reads_as_its_label_without_its_count()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, Counts, new Dictionary<string, string?> { ["province"] = "ZA-GP" });
        var select = cut.FindComponents<MudBlazor.MudSelect<string>>()[0];
        Assert.Equal("Gauteng", MudBlazor.Extensions.ComponentBaseWithStateExtensions.GetState(select.Instance, x => x.Text));
    }
}
