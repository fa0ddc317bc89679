using Admin.Api;
using Admin.Api.Feed;
using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Data.Validation;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Admin.Tests.Ui;

/// <summary>
/// Nothing the UI sends an analyst holds a full South African mobile number in any common form, hints and error
/// messages included: a full number in an analyst's frames fails every leak check, and no real person should own our
/// example. (Typing a number into the search box echoes it back; these renders type none.)
/// </summary>
public sealed class NoFullNumberTests(PersonalDataFixture data) : IClassFixture<PersonalDataFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static TheoryData<string> ListUrls() =>
    [
        "records/health-checks",
        "records/health-checks?q=12&in=phone",
        "records/health-checks?q=082&in=phone-prefix",
        "records/health-checks?q=12&in=phone-contains",
        "records/health-checks?q=nonsense&in=id",
        "records/health-checks?province=ZA-GP&source=WhatsApp",
        "records/vaccine-registrations",
        "records/vaccine-registrations?q=12&in=mobile",
    ];

    [Theory]
    [MemberData(nameof(ListUrls))]
    public async Task A_list_page_and_its_messages_hold_no_full_number(string url)
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db), null, Roles.Analyst);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var slug = url.Split('/', '?')[1];

        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, slug));
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("tr.kg-row").Count > 0 || cut.FindAll(".mud-alert").Count > 0, cut.Markup), Patience);

        AssertNoFullNumber(cut.Markup);
    }

    [Fact]
    public async Task A_detail_page_holds_no_full_number()
    {
        var check = data.Rows.First(r => r.Msisdn == PersonalRows.Number);
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db), null, Roles.Analyst);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"records/health-checks/{check.Id}");

        var cut = ctx.Render<HealthCheckDetail>(p => p.Add(x => x.Id, check.Id));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr.kg-row").Count), Patience);

        AssertNoFullNumber(cut.Markup);
    }

    [Fact]
    public void The_phone_number_messages_hold_no_full_number()
    {
        var validation = new HealthCheckValidator(TimeProvider.System).Validate(new HealthCheckInput { Msisdn = "12" });
        AssertNoFullNumber(string.Join(" ", validation.Errors[HealthCheckFields.Msisdn]));
        var missing = new HealthCheckValidator(TimeProvider.System).Validate(new HealthCheckInput());
        AssertNoFullNumber(string.Join(" ", missing.Errors[HealthCheckFields.Msisdn]));

        var feed = Assert.Throws<FeedQueryException>(() => FeedQuery.Parse(new QueryCollection(new Dictionary<string, StringValues> { ["msisdn"] = "12" }), new ApiOptions()));
        AssertNoFullNumber(feed.Message);
        AssertNoFullNumber(Assert.Throws<FormatException>(() => Admin.Data.Domain.Msisdn.Normalize("12")).Message);
        foreach (var search in HealthCheckList.Definition.Searches.Concat<object>(VaccineRegistrationList.Definition.Searches))
            AssertNoFullNumber(search.ToString()!);
    }

    [Fact]
    public void The_pattern_finds_full_numbers_in_every_common_form_and_not_masked_ones()
    {
        foreach (var n in new[] { "082 123 4567", "+27821234567", "+27 82 123 4567", "0821234567", "27821234567", "0027 82 123 4567", "e.g. 082-123-4567." })
            Assert.Matches(FullNumbers.Pattern(), n);
        foreach (var n in new[] { "+27 82 *** 4567", "082 123", "0XX XXX XXXX", "2021-07-05T09:30:00", "1,234,567,890", "ab0821234567", ApiOpenApiContract.ExampleMsisdn })
            Assert.DoesNotMatch(FullNumbers.Pattern(), n);
    }

    private static void AssertNoFullNumber(string text) => FullNumbers.AssertNone(text);
}
