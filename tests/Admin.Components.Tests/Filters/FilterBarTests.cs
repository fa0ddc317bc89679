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

    [Fact]
    public async Task The_date_range_carries_the_label_the_page_gives_it()
    {
        await using var ctx = ComponentContext.Create();
        // The page names the days' time zone; the bar itself knows nothing of zones.
        var cut = ctx.Render<FilterBar>(p => p.Add(x => x.Fields, Fields).Add(x => x.ShowDateRange, true).Add(x => x.DateRangeLabel, "Dates (SAST)")
            .Add(x => x.From, new DateOnly(2021, 1, 21)).Add(x => x.To, new DateOnly(2021, 1, 21)));
        Assert.Contains("Dates (SAST)", cut.Markup);
        Assert.DoesNotContain("UTC", cut.Markup);
        Assert.Equal("2021-01-21", cut.Find("[data-testid=dates-from]").GetAttribute("value"));
        Assert.Equal("2021-01-21", cut.Find("[data-testid=dates-to]").GetAttribute("min")); // "to" cannot go before "from"
    }

    [Fact]
    public async Task Choosing_an_option_reports_the_field_and_value_and_Any_clears_it()
    {
        await using var ctx = ComponentContext.Create();
        var changes = new List<FilterChange>();
        IRenderedComponent<FilterBar> Bar(string? risk) => ctx.Render<FilterBar>(p => p.Add(x => x.Fields, Fields).Add(x => x.IsCombinable, Served)
            .Add(x => x.Values, new Dictionary<string, string?> { ["risk"] = risk }).Add(x => x.OnChange, (FilterChange c) => changes.Add(c)));
        await Bar(null).Find("[data-filter=risk]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "high" });
        await Bar("high").Find("[data-filter=risk]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "" });
        Assert.Equal([new FilterChange("risk", "high"), new FilterChange("risk", null)], changes);
    }

    [Fact]
    public async Task Dates_report_both_ends_and_a_cleared_end_as_none()
    {
        await using var ctx = ComponentContext.Create();
        var ranges = new List<(DateOnly?, DateOnly?)>();
        var cut = ctx.Render<FilterBar>(p => p.Add(x => x.Fields, Fields).Add(x => x.ShowDateRange, true)
            .Add(x => x.From, new DateOnly(2021, 1, 1)).Add(x => x.OnDatesChange, ((DateOnly? From, DateOnly? To) r) => ranges.Add(r)));
        await cut.Find("[data-testid=dates-to]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "2021-02-28" });
        await cut.Find("[data-testid=dates-from]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "" });
        Assert.Equal([(new DateOnly(2021, 1, 1), new DateOnly(2021, 2, 28)), (null, null)], ranges);
    }

    [Fact]
    public async Task A_select_whose_choices_and_value_stay_is_not_rendered_again()
    {
        await using var ctx = ComponentContext.Create();
        var counts = new Dictionary<string, IReadOnlyDictionary<string, long>> { ["province"] = new Dictionary<string, long> { ["ZA-GP"] = 4_100_000 } };
        var changes = new List<FilterChange>();
        var cut = ctx.Render<FilterBar>(p => p.Add(x => x.Fields, Fields).Add(x => x.IsCombinable, Served).Add(x => x.Counts, counts)
            .Add(x => x.OnChange, c => changes.Add(c)));
        var selects = cut.FindComponents<Admin.Components.Inputs.NativeSelect>();
        var renders = selects.Select(s => s.RenderCount).ToList();

        // Risk chosen: the risk select shows its value and source is disabled; province keeps its choices and is left alone.
        cut.Render(p => p.Add(x => x.Values, new Dictionary<string, string?> { ["risk"] = "high" }));
        Assert.Equal(renders[0], selects[0].RenderCount);
        Assert.True(selects[1].RenderCount > renders[1]);
        Assert.True(selects[2].RenderCount > renders[2]);
        Assert.Contains("4.1M", cut.Find("[data-filter=province]").InnerHtml);

        // New counts: the province select shows them.
        cut.Render(p => p.Add(x => x.Counts, new Dictionary<string, IReadOnlyDictionary<string, long>> { ["province"] = new Dictionary<string, long> { ["ZA-GP"] = 2_000 } }));
        Assert.True(selects[0].RenderCount > renders[0]);
        Assert.Contains("2.0k", cut.Find("[data-filter=province]").InnerHtml);

        cut.Find("[data-filter=province]").Change("ZA-WC");
        Assert.Equal(new FilterChange("province", "ZA-WC"), Assert.Single(changes));
    }

    [Fact]
    public async Task The_date_fields_are_left_alone_when_a_filter_changes_and_still_report_the_range()
    {
        await using var ctx = ComponentContext.Create();
        var ranges = new List<(DateOnly?, DateOnly?)>();
        var to = new DateOnly(2021, 6, 30);
        var cut = ctx.Render<FilterBar>(p => p.Add(x => x.Fields, Fields).Add(x => x.IsCombinable, Served)
            .Add(x => x.ShowDateRange, true).Add(x => x.DateRangeLabel, "Dates (SAST)").Add(x => x.To, to)
            .Add(x => x.OnDatesChange, r => ranges.Add(r)));
        var dates = cut.FindComponents<Admin.Components.Inputs.NativeDate>();
        var renders = dates.Select(d => d.RenderCount).ToList();

        cut.Render(p => p.Add(x => x.Values, new Dictionary<string, string?> { ["risk"] = "high" }));
        Assert.Equal(renders, dates.Select(d => d.RenderCount));
        Assert.Contains("Dates (SAST): from", cut.Markup);

        cut.Find("[data-testid=dates-from]").Change("2021-03-01");
        Assert.Equal((new DateOnly(2021, 3, 1), to), Assert.Single(ranges));
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

    private static IRenderedComponent<FilterBar> Render(BunitContext ctx, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>? counts,
        IReadOnlyDictionary<string, string?>? values = null) =>
        ctx.Render<FilterBar>(p => p.Add(x => x.Fields, Fields).Add(x => x.Counts, counts).Add(x => x.Values, values ?? new Dictionary<string, string?>()));

    // A field's options after "Any": value, label, and the count its text shows after the label, if any.
    private static List<(string Value, string Label, string? Count)> Options(IRenderedComponent<FilterBar> cut, int field) =>
        cut.FindAll("select")[field].QuerySelectorAll("option").Skip(1).Select(o =>
        {
            var label = o.GetAttribute("data-label")!;
            var text = o.TextContent.Trim();
            return (o.GetAttribute("value")!, label, text == label ? null : text[(label + " · ").Length..]);
        }).ToList();

    [Fact]
    public async Task Each_option_shows_its_count_short()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, Counts);
        var options = Options(cut, 0);
        Assert.Equal([("ZA-EC", "Eastern Cape", "0"), ("ZA-GP", "Gauteng", "4.1M"), ("ZA-WC", "Western Cape", "812k")], options);
        Assert.Equal("4,123,456", cut.Find("option[value='ZA-GP']").GetAttribute("title"));
        Assert.Equal("4123456", cut.Find("option[value='ZA-GP']").GetAttribute("data-count"));
    }

    [Fact]
    public async Task A_field_that_asks_for_it_lists_its_options_largest_first()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, Counts);
        var options = Options(cut, 1);
        Assert.Equal(["JHB", "TSH", "EKU"], options.Select(o => o.Value));
        Assert.Equal(["1.5M", "20k", "950"], options.Select(o => o.Count!));
    }

    [Fact]
    public async Task Without_counts_the_options_have_none_and_keep_their_order()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, null);
        var options = Options(cut, 1);
        Assert.Equal(["EKU", "JHB", "TSH"], options.Select(o => o.Value));
        Assert.All(options, o => Assert.Null(o.Count));
    }

    [Fact]
    public async Task The_chosen_option_is_selected_and_the_others_are_not()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, Counts, new Dictionary<string, string?> { ["province"] = "ZA-GP" });
        Assert.Equal("ZA-GP", cut.Find("[data-filter=province]").GetAttribute("value"));
        Assert.Equal(["ZA-GP"], cut.FindAll("[data-filter=province] option[selected]").Select(o => o.GetAttribute("value")));
        Assert.Equal([""], cut.FindAll("[data-filter=district] option[selected]").Select(o => o.GetAttribute("value"))); // "Any"
    }
}
