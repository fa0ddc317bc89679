using System.Text;
using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Security;

/// <summary>
/// Issue #5's journey in a real browser: an analyst sees only masked numbers (and the browser never receives a full
/// one, over HTTP or the circuit's WebSocket) and cannot open the users page; an admin edits a record and finds the
/// edit in the audit trail.
/// </summary>
public sealed class PeopleAndProtectionJourneyTests(BrowserFixture browser, AppServerFixture app)
    : JourneyTest(browser), IClassFixture<AppServerFixture>
{
    [Fact]
    public Task An_analyst_sees_masked_numbers_only_and_cannot_open_the_users_page() => JourneyAsync(async (page, _) =>
    {
        await SqlSeed.HealthChecksAsync(app.Database, 120);
        await app.Database.ExecuteAsync("UPDATE health_checks SET first_name = 'Thandiwe', last_name = 'Mokoena'");
        var numbers = await AllNumbersAsync();
        var received = new BrowserTraffic(page);

        await page.LoginAsync(app, Roles.Analyst);
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        var firstRow = page.Locator("tr.kg-row").First;
        await Expect(firstRow).ToContainTextAsync(new Regex(@"\+27 8\d \*\*\* \d{4}"));
        // The exact full number still finds its record, shown masked.
        await page.Locator("input[data-testid=search-box]").FillAsync(numbers[0]);
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync(MaskOf(numbers[0]));
        await page.Locator("tr.kg-row").First.ClickAsync();
        await Expect(page.Locator("[data-testid=detail-fields]")).ToContainTextAsync(MaskOf(numbers[0]));
        await Expect(page.Locator("[data-testid=detail-fields]")).ToContainTextAsync("T.");
        await Expect(page.Locator("[data-testid=detail-edit]")).ToHaveCountAsync(0);

        // No users link, and the address itself is refused.
        await Expect(page.Locator(".mud-navmenu")).Not.ToContainTextAsync("Admin");
        await page.GotoAsync(app.Url("admin/users").ToString());
        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();

        // Everything the browser received: page HTML, scripts' answers and every WebSocket frame of the circuit.
        // The number the analyst typed is theirs; every other full number must be absent, and so must the names.
        var leaks = numbers.Skip(1).Where(received.Contains).ToList();
        Assert.True(received.Frames > 0, "the circuit's WebSocket frames were not observed");
        // Positive control: the masked form of what was shown is found in that traffic, so a full number would be too.
        Assert.True(received.Contains(MaskOf(numbers[0])), "the traffic capture does not see rendered text");
        Assert.Empty(leaks);
        Assert.False(received.Contains("Mokoena"), "a last name reached the analyst's browser");
    });

    [Fact]
    public Task An_admin_edits_a_record_and_finds_the_edit_in_the_audit_trail() => JourneyAsync(async (page, _) =>
    {
        await SqlSeed.HealthChecksAsync(app.Database, 30, offset: 1000);
        var id = await app.Database.ScalarAsync<Guid>("SELECT id FROM health_checks ORDER BY timestamp DESC, id DESC LIMIT 1");

        await page.LoginAsync(app, Roles.Admin, "journey-admin");
        await page.GotoAndWaitForCircuitAsync(app.Url($"records/health-checks/{id}"));
        await page.GetByTestId("detail-edit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"{id}/edit$"));
        await page.WaitForCircuitAsync();
        var city = page.Locator("input[data-testid=edit-city]");
        await city.FillAsync("Journeyville");
        await city.BlurAsync();
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByTestId("edit-notice")).ToContainTextAsync("Saved");
        Assert.Equal("Journeyville", await app.Database.ScalarAsync<string>($"SELECT city FROM health_checks WHERE id = '{id}'"));

        await page.GotoAndWaitForCircuitAsync(app.Url("admin/audit"));
        var newest = page.Locator("tr.kg-row").First;
        await Expect(newest).ToContainTextAsync("edit");
        await Expect(newest).ToContainTextAsync(id.ToString());
        await Expect(newest).ToContainTextAsync("journey-admin");
        await newest.ClickAsync();
        await Expect(page.Locator("[data-testid=detail-fields]")).ToContainTextAsync("Journeyville");
    });

    private async Task<List<string>> AllNumbersAsync()
    {
        var numbers = new List<string>();
        await using var cmd = app.Database.DataSource.CreateCommand("SELECT DISTINCT msisdn FROM health_checks ORDER BY 1");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) numbers.Add(reader.GetString(0));
        Assert.True(numbers.Count > 10);
        return numbers;
    }

    private static string MaskOf(string e164) => PersonalData.MaskPhone(e164);

    /// <summary>Collects every HTTP body and WebSocket frame the page receives, as text.</summary>
    private sealed class BrowserTraffic
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();

        public BrowserTraffic(IPage page)
        {
            page.WebSocket += (_, ws) => ws.FrameReceived += (_, frame) => Add(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []), frame: true);
            page.Response += async (_, response) =>
            {
                try { Add(Encoding.UTF8.GetString(await response.BodyAsync()), frame: false); }
                catch (PlaywrightException) { /* redirects and aborted requests have no body */ }
            };
        }

        public int Frames { get; private set; }

        public bool Contains(string value)
        {
            lock (_gate) return _text.ToString().Contains(value, StringComparison.Ordinal);
        }

        private void Add(string text, bool frame)
        {
            lock (_gate)
            {
                _text.Append(text).Append('\n');
                if (frame) Frames++;
            }
        }
    }
}
