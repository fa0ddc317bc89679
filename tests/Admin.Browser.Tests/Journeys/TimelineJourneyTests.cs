using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Journeys;

/// <summary>The app over checks on every fourth day of January and February 2021, rolled up (no background refresh).</summary>
public sealed class TimelineAppFixture : RolledUpAppFixture
{
    public static readonly DateOnly FirstDay = new(2021, 1, 1);

    // Forty checks a minute apart from 08:01 on each day (a row's time is start + its number in minutes, so the start
    // steps back by the offset); ten of them in each seeded province.
    protected override async Task SeedAsync()
    {
        for (var d = 0; d < 48; d += 4)
            await SqlSeed.HealthChecksAsync(Database, 40, tieEvery: 1, offset: d * 100,
                start: new DateTimeOffset(FirstDay.AddDays(d).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddMinutes(-d * 100));
    }
}

/// <summary>
/// The facets and the timeline in a real browser: filter, see each option's count, click a day on the timeline and
/// land on it, then move there with the keyboard alone.
/// </summary>
public sealed class TimelineJourneyTests(BrowserFixture browser, TimelineAppFixture app)
    : JourneyTest(browser), IClassFixture<TimelineAppFixture>
{
    [Fact]
    public Task An_analyst_filters_and_moves_through_time_on_the_timeline() => JourneyAsync(async (page, diagnostics) =>
    {
        await page.LoginAsync(app, Roles.Analyst);
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();

        // The province options carry their counts (a quarter of the 480 checks each for the four provinces seeded).
        var province = page.Locator("select[data-filter=province]");
        await Expect(province.Locator("option[value='ZA-GP']")).ToHaveAttributeAsync("data-count", "120");
        await Expect(province.Locator("option[value='ZA-GP']")).ToHaveTextAsync("Gauteng · 120");
        await Expect(province.Locator("option[value='ZA-NC']")).ToHaveAttributeAsync("data-count", "0");
        await province.SelectOptionAsync("ZA-GP");
        await Expect(page).ToHaveURLAsync(new Regex("province=ZA-GP"));
        await Expect(page.GetByTestId("count-label")).ToContainTextAsync("120 checks");

        // The timeline of Gauteng's checks: one bar per day, the newest days (the grid's first rows) marked.
        var strip = page.GetByTestId("density-strip");
        await Expect(strip.Locator(".ds-bucket[data-start='2021-01-17']")).ToHaveAttributeAsync("data-count", "10");
        await Expect(strip.Locator("[data-testid=density-mark]")).ToHaveAttributeAsync("data-to", "2021-02-14");

        // A click on 17 January: the grid jumps there (newest first, so to that day's last moment) and marks it. The strip
        // hears clicks once its script has attached.
        await Expect(strip.Locator("[role=slider][data-attached=true]")).ToHaveCountAsync(1);
        await strip.Locator(".ds-bucket[data-start='2021-01-17']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("at=2021-01-17T23%3A59%3A59|at=2021-01-17T23:59:59"));
        // (The grid also fetches the block before the jump and keeps it above the view, so the first row in view is the
        // one its position label names, not the first in the table.)
        await Expect(page.GetByTestId("grid-position")).ToContainTextAsync("17 Jan 2021 10:");
        await Expect(page.Locator("tr.kg-row", new() { HasTextString = "17 Jan 2021" }).First).ToContainTextAsync("Gauteng");
        await Expect(strip.Locator("[data-testid=density-mark]")).ToHaveAttributeAsync("data-to", "2021-01-17");

        // The keyboard alone: to the first day, twelve days on, Enter.
        var slider = strip.Locator("[role=slider]");
        await slider.FocusAsync();
        await slider.PressAsync("Home");
        for (var i = 0; i < 12; i++) await slider.PressAsync("ArrowRight");
        await Expect(slider).ToHaveAttributeAsync("aria-valuetext", new Regex("^13 Jan 2021: 10 checks"));
        await slider.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("at=2021-01-13T23"));
        await Expect(page.GetByTestId("grid-position")).ToContainTextAsync("13 Jan 2021 10:");

        // A drag along the strip, released over 21 January (every fourth day has checks): one jump there, not also the
        // click the release would fire.
        var fromBox = (await strip.Locator(".ds-bucket[data-start='2021-01-17']").BoundingBoxAsync())!;
        var toBox = (await strip.Locator(".ds-bucket[data-start='2021-01-21']").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(fromBox.X + fromBox.Width / 2, fromBox.Y + fromBox.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(toBox.X + toBox.Width / 2, toBox.Y + toBox.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Expect(page).ToHaveURLAsync(new Regex("at=2021-01-21T23"));
        await Expect(page.GetByTestId("grid-position")).ToContainTextAsync("21 Jan 2021 10:");
        await Expect(strip.Locator("[data-testid=density-mark]")).ToHaveAttributeAsync("data-to", "2021-01-21");

        // A search has no timeline.
        await page.Locator("input[data-testid=search-box]").FillAsync("082 000 0008");
        await Expect(page).ToHaveURLAsync(new Regex("q=082"));
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("density-strip")).ToHaveCountAsync(0);
        Assert.Empty(diagnostics.FailedRequests);
    });
}
