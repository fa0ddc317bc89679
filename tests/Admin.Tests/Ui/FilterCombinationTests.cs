using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>
/// The records page's filter bar: with a province chosen, District stays open (a district lies in one province and is
/// served by its own index); fields no index combines are disabled with a note saying which combinations exist.
/// </summary>
public sealed class FilterCombinationTests(PersonalDataFixture data) : IClassFixture<PersonalDataFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<(BunitContext Ctx, IRenderedComponent<Records> Cut)> RenderAsync(string url)
    {
        var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db), null, Roles.Analyst);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, HealthCheckList.Slug));
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=keyset-grid]").Count > 0 || cut.FindAll(".mud-alert").Count > 0, cut.Markup), Patience);
        await Task.CompletedTask;
        return (ctx, cut);
    }

    private static bool Disabled(IRenderedComponent<Records> cut, string name) =>
        cut.Find($"[data-filter={name}]").GetAttribute("aria-disabled") == "true" || cut.Find($"[data-filter={name}]").QuerySelector("[disabled]") is not null
        || cut.Find($"[data-filter={name}]").ClassList.Contains("mud-disabled");

    [Fact]
    public async Task With_a_province_chosen_district_and_risk_stay_open_and_source_says_what_combines()
    {
        var (ctx, cut) = await RenderAsync("records/health-checks?province=ZA-GP");
        await using var _ = ctx;

        Assert.False(Disabled(cut, "district"), cut.Find("[data-filter=district]").OuterHtml);
        Assert.False(Disabled(cut, "risk"));
        Assert.True(Disabled(cut, "source"));
        Assert.Contains("Offered: province; province + risk; district (within its province)", cut.Markup);
    }

    [Fact]
    public async Task A_district_within_the_chosen_province_lists_its_rows()
    {
        var (ctx, cut) = await RenderAsync("records/health-checks?province=ZA-GP&district=JHB");
        await using var _ = ctx;

        Assert.Empty(cut.FindAll("[data-testid=list-error]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=keyset-grid]"));
    }

    [Fact]
    public async Task A_district_outside_the_chosen_province_gets_a_message_naming_both()
    {
        var (ctx, cut) = await RenderAsync("records/health-checks?province=ZA-WC&district=JHB");
        await using var _ = ctx;

        Assert.Contains("is not in province", cut.Find("[data-testid=list-error]").TextContent);
    }
}
