using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Admin.Browser.Tests.Browsing;

/// <summary>
/// Base for browser journeys: each journey gets a fresh browser context (no shared cookies or storage) and page.
/// When a journey fails, a screenshot is saved under the test output directory and the failure names it.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class JourneyTest(BrowserFixture browser)
{
    /// <summary>bin/&lt;configuration&gt;/net10.0/screenshots of this test project.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Runs one journey in a new context; <paramref name="test"/> names its screenshot (pass it for theories).</summary>
    protected async Task JourneyAsync(Func<IPage, PageDiagnostics, Task> steps, [CallerMemberName] string test = "")
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var diagnostics = new PageDiagnostics(page);
        var name = $"{GetType().Name}.{test}";
        // A screenshot left from an earlier failed run would mislead.
        if (File.Exists(ScreenshotPath(name))) File.Delete(ScreenshotPath(name));
        try
        {
            await steps(page, diagnostics);
            // Blazor shows #blazor-error-ui after an unhandled exception in a component or the circuit.
            if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
                throw new InvalidOperationException("Blazor showed its error bar (an unhandled exception in the circuit).");
        }
        catch (Exception ex)
        {
            var screenshot = await TrySaveScreenshotAsync(page, name);
            throw new JourneyFailedException(ex, page.Url, screenshot, diagnostics.Describe());
        }
    }

    private static string ScreenshotPath(string name) => Path.Combine(ScreenshotDirectory, name + ".png");

    private static async Task<string> TrySaveScreenshotAsync(IPage page, string name)
    {
        var path = ScreenshotPath(name);
        try
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            return path;
        }
        catch (PlaywrightException ex)
        {
            return $"(none: {ex.Message})";
        }
    }
}
