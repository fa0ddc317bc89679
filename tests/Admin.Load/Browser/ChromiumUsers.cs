using Admin.Load.Accounts;
using Admin.Load.Journeys;
using Admin.Load.Running;
using Admin.Testing;
using Microsoft.Playwright;

namespace Admin.Load.Browser;

/// <summary>One headless Chromium (the costly part to start) with a context per <see cref="ChromiumUser"/>.</summary>
public sealed class ChromiumUsers : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumUsers(IPlaywright playwright, IBrowser browser, IReadOnlyList<Task> users) => (_playwright, _browser, Users) = (playwright, browser, users);

    /// <summary>One task per browser user.</summary>
    public IReadOnlyList<Task> Users { get; }

    /// <summary>The browser to start; <see cref="LoadOptions.Parse"/> asks too, so a missing one stops the run before it begins.</summary>
    public static string Executable()
    {
        try
        {
            return ChromiumBinary.Find() ?? throw new ArgumentException($"--chromium needs Debian's chromium (apt-get install chromium) or {ChromiumBinary.Variable}.");
        }
        catch (InvalidOperationException ex) // the variable names a file that is not there
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }

    /// <summary>Starts the browser and one task per user; they log in as analysts (or admins).</summary>
    public static async Task<ChromiumUsers> StartAsync(LoadOptions options, IReadOnlyList<LoadAccount> accounts, JourneyData data, ActionStats stats,
        CancellationToken ct)
    {
        var account = accounts.FirstOrDefault(a => a.Role == "Analyst") ?? accounts.FirstOrDefault(a => a.Role == "Admin")
            ?? throw new ArgumentException("--chromium needs an analyst or admin account (in --mix, or with --login analyst=...).");
        var playwright = await Playwright.CreateAsync();
        var executable = Executable();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ChromiumBinary.Args });
        var tasks = new List<Task>();
        for (var i = 0; i < options.Chromium; i++)
        {
            var user = new ChromiumUser(options.BaseAddress, account, data, stats, options);
            var random = new Random(HashCode.Combine(options.RunId, "chromium", i));
            tasks.Add(Task.Run(() => user.RunAsync(browser, random, ct), CancellationToken.None));
        }
        return new ChromiumUsers(playwright, browser, tasks);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
