using Microsoft.Playwright;

namespace Admin.Browser.Tests.Browsing;

/// <summary>
/// One headless Chromium for a whole collection (starting it is the slow part); each test opens its own context.
/// Uses Debian's chromium, never a downloaded browser: there is no internet, and the system package is patched.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Set to use another Chromium binary.</summary>
    public const string ExecutableVariable = "ADMIN_CHROMIUM";

    // The real binary first: /usr/bin/chromium is a wrapper script that also works, but adds a process in between.
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

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
            Args = Args,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>Fails (never skips) when there is no Chromium: a missing browser must not pass as a green run.</summary>
    private static string FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{ExecutableVariable} is set to '{configured}', which does not exist.");
        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"Chromium was not found (looked for {string.Join(", ", Candidates)}). The browser tests need Debian's chromium: " +
                $"run ./admin.sh test as root (it installs it), or `sudo apt-get install chromium`, or set {ExecutableVariable}.");
    }
}
