using Admin.Data.Entities;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>400 checks on 1 January 2021, a hundred in each of four provinces (one district each), rolled up.</summary>
public sealed class RolledUpChecksFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        await SqlSeed.HealthChecksAsync(Db, 400, tieEvery: 1);
        await TestRollups.RebuildAsync(Db.DataSource);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>
/// The records page wires the list's declared facets to the filter bar and draws the timeline (bunit, a live circuit,
/// a real database): with a province chosen, District offers that province's districts, largest first, with counts.
/// </summary>
public sealed class ListFacetsPageTests(RolledUpChecksFixture data) : IClassFixture<RolledUpChecksFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static IRenderedComponent<Bunit.Rendering.ContainerFragment> Render(BunitContext ctx, string url) => RecordsPageAt.Render(ctx, url);

    // A filter's options after "Any": (value, count) where the option carries one.
    private static List<(string? Value, string? Count)> Options(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut, string filter) =>
        cut.Find($"[data-filter={filter}]").QuerySelectorAll("option").Skip(1).Select(o => (o.GetAttribute("value"), o.GetAttribute("data-count"))).ToList();

    [Fact]
    public async Task Districts_of_the_chosen_province_carry_their_counts_largest_first()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db), null, Roles.Analyst);
        var cut = Render(ctx, "records/health-checks?province=ZA-GP");
        cut.WaitForAssertion(() => Assert.Contains("100 checks", cut.Find("[data-testid=count-label]").TextContent), Patience);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-filter=district] option[data-count]")), Patience);
        var options = Options(cut, "district");
        var gauteng = Admin.Data.Reference.Districts.All.Where(d => d.Province == Admin.Data.Domain.Province.Gauteng).Select(d => d.Code).ToHashSet();
        Assert.Equal(gauteng.Count, options.Count);
        Assert.All(options, o => Assert.Contains(o.Item1!, gauteng));
        Assert.Equal(("JHB", "100"), options[0]);
        Assert.All(options.Skip(1), o => Assert.Equal("0", o.Item2));
    }

    [Fact]
    public async Task Each_province_counts_under_the_other_filters_and_the_timeline_shows_the_day()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db), null, Roles.Analyst);
        var cut = Render(ctx, "records/health-checks?risk=high");
        var high = await data.Db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE risk = 'high'");
        var gautengHigh = await data.Db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE risk = 'high' AND province = 'ZA-GP'");
        cut.WaitForAssertion(() => Assert.Equal(high.ToString(), cut.Find("[data-testid=density-strip] .ds-bucket").GetAttribute("data-count")), Patience);
        Assert.Equal("2021-01-01", cut.Find("[data-testid=density-strip] .ds-bucket").GetAttribute("data-start"));
        Assert.Equal(HealthCheckList.Definition.Title, cut.Find("table[role=grid]").GetAttribute("aria-label")); // the grid is named for screen readers

        cut.WaitForAssertion(() => Assert.Equal(gautengHigh.ToString(), cut.Find("[data-filter=province] option[value='ZA-GP']").GetAttribute("data-count")), Patience);
        Assert.Equal("0", cut.Find("[data-filter=province] option[value='ZA-NC']").GetAttribute("data-count"));
        Assert.EndsWith(" · " + gautengHigh, cut.Find("[data-filter=province] option[value='ZA-GP']").TextContent); // shown as well as carried
    }

    [Fact]
    public async Task A_search_shows_no_counts_and_no_timeline()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db), null, Roles.Analyst);
        var cut = Render(ctx, "records/health-checks?q=0820000008&in=phone");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row, .kg-message")), Patience);
        cut.WaitForAssertion(() => Assert.Contains("check", cut.Find("[data-testid=count-label]").TextContent), Patience);
        Assert.NotEmpty(Options(cut, "risk"));
        Assert.All(Options(cut, "risk"), o => Assert.Null(o.Count));
        Assert.Empty(cut.FindAll("[data-testid=density-strip]"));
    }
}
