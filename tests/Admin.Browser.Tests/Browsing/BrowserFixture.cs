using Admin.Testing;
using Microsoft.Playwright;

namespace Admin.Browser.Tests.Browsing;

/// <summary>
/// One headless Chromium for a whole collection (starting it is the slow part); each test opens its own context.
/// Uses Debian's chromium (<see cref="ChromiumBinary"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = FindChromium();
        // Expect(...) waits up to 5 s by default; the test machine is shared and a first circuit can take longer.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumBinary.Args,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>Fails (never skips) when there is no Chromium: a missing browser must not pass as a green run.</summary>
    private static string FindChromium() =>
        ChromiumBinary.Find() ?? throw new InvalidOperationException(
            $"Chromium was not found (looked for {string.Join(", ", ChromiumBinary.Candidates)}). The browser tests need Debian's chromium: run ./admin.sh test as root (it installs it), " +
            $"or `sudo apt-get install chromium`, or set {ChromiumBinary.Variable}.");
}
