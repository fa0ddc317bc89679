using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Data.Time;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>
/// The records page in the display zone (bunit, a live circuit, a real database): its labels name the zone and the
/// times it shows are local; with Display:TimeZone set to another zone, that zone's.
/// </summary>
public sealed class LocalTimePageTests(RolledUpChecksFixture data) : IClassFixture<RolledUpChecksFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static IRenderedComponent<Bunit.Rendering.ContainerFragment> Render(BunitContext ctx, string url) => RecordsPageAt.Render(ctx, url);

    [Theory]
    [InlineData(null, "SAST")]
    [InlineData("Europe/London", "GMT/BST")]
    public async Task Labels_name_the_zone_and_times_are_local(string? zoneSetting, string label)
    {
        // A patient count: this is about zones, and a loaded CI box can run past the 50 ms limit on 400 rows.
        var settings = new Dictionary<string, string?> { ["Counting:ExactTimeout"] = "00:00:10" };
        if (zoneSetting is not null) settings["Display:TimeZone"] = zoneSetting;
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db, settings), null, Roles.Analyst);
        var zone = ctx.Services.GetRequiredService<DisplayTimeZone>();
        Assert.Equal(zoneSetting ?? "Africa/Johannesburg", zone.Id);
        var newest = await data.Db.ScalarAsync<DateTime>("SELECT max(\"timestamp\") FROM health_checks");
        var newestLocal = zone.Format(new DateTimeOffset(newest, TimeSpan.Zero), "d MMM yyyy HH:mm");

        var cut = Render(ctx, "records/health-checks");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);
        Assert.Equal($"Time ({label})", cut.Find("th[role=columnheader]").TextContent.Trim());
        // Newest first: the first row is the newest check, at its local time (SAST is UTC+2; London in January is UTC).
        Assert.Equal(newestLocal, cut.Find("tr.kg-row td").TextContent.Trim());
        Assert.Equal(zoneSetting is null ? newest.AddHours(2).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : newest.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), newestLocal);
        Assert.Contains($"Jump to ({label})", cut.Markup);
        Assert.Contains($"Dates ({label})", cut.Markup);
        Assert.DoesNotContain("(UTC)", cut.Markup);
        if (zoneSetting is null)
            cut.WaitForAssertion(() => Assert.Contains($"per day ({label})", cut.Markup), Patience);
        else // the fixture's rollups count SAST days: no timeline from them until a refresh rebuilds them in London's
            cut.WaitForAssertion(() => Assert.Contains("400 checks", cut.Find("[data-testid=count-label]").TextContent), Patience);
        var abbreviation = zone.AbbreviationAt(new DateTimeOffset(newest, TimeSpan.Zero));
        Assert.Equal(zoneSetting is null ? "SAST" : "GMT", abbreviation);
        cut.WaitForAssertion(() => Assert.Contains($"around {newestLocal} {abbreviation}", cut.Find("[data-testid=grid-position]").TextContent), Patience);
    }

    [Fact]
    public async Task A_jump_to_a_local_time_lands_there()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db), null, Roles.Analyst);
        // 04:00 SAST is 02:00 UTC: the newest first row at or before it is the 02:00 UTC check, shown as 04:00.
        var cut = Render(ctx, "records/health-checks?at=2021-01-01T04:00");
        // (Read as UTC it would land near 06:00 SAST.)
        cut.WaitForAssertion(() => Assert.Matches(@"around 1 Jan 2021 0(4:00|3:5\d) SAST", cut.Find("[data-testid=grid-position]").TextContent), Patience);
    }
}
