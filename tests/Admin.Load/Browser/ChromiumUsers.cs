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
    private readonly string? _launcher;

    private readonly LoadAccount _account;
    private readonly List<Task> _users = [];

    private ChromiumUsers(IPlaywright playwright, IBrowser browser, string? launcher, LoadAccount account) =>
        (_playwright, _browser, _launcher, _account) = (playwright, browser, launcher, account);

    /// <summary>One task per browser user, once <see cref="Start"/> has run.</summary>
    public IReadOnlyList<Task> Users => _users;

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

    /// <summary>
    /// Starts the browser, before the run's clock: its launch (a second or two of both cores) is the harness's own work,
    /// which on a shared box landed in the ramp's first circuits. The users begin with <see cref="Start"/>.
    /// </summary>
    public static async Task<ChromiumUsers> LaunchAsync(LoadOptions options, IReadOnlyList<LoadAccount> accounts)
    {
        var account = accounts.FirstOrDefault(a => a.Role == "Analyst") ?? accounts.FirstOrDefault(a => a.Role == "Admin")
            ?? throw new ArgumentException("--chromium needs an analyst or admin account (in --mix, or with --login analyst=...).");
        var playwright = await Playwright.CreateAsync();
        var executable = Executable();
        var launcher = Launcher(executable, options.ChromiumNice);
        IBrowser browser;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = launcher ?? executable, Headless = true, Args = ChromiumBinary.Args });
        }
        catch
        {
            if (launcher is not null) File.Delete(launcher);
            playwright.Dispose();
            throw;
        }
        return new ChromiumUsers(playwright, browser, launcher, account);
    }

    /// <summary>One task per user (<see cref="LoadOptions.Chromium"/>); they log in as analysts (or admins).</summary>
    public void Start(LoadOptions options, JourneyData data, ActionStats stats, CancellationToken ct)
    {
        for (var i = 0; i < options.Chromium; i++)
        {
            var user = new ChromiumUser(options.BaseAddress, _account, data, stats, options);
            var random = new Random(HashCode.Combine(options.RunId, "chromium", i));
            _users.Add(Task.Run(() => user.RunAsync(_browser, random, ct), CancellationToken.None));
        }
    }

    // As root, Chromium raises its browser and GPU processes to niceness -8 (it holds CAP_SYS_NICE): ahead of the app
    // and PostgreSQL on a shared box, which no person's browser can be (README, "Eleventh series"). So as root it starts
    // without that capability (setpriv, util-linux), and at --chromium-nice N under nice. Playwright starts the
    // executable it is given with its own arguments and talks to it over inherited pipes; a script that execs the
    // browser keeps both, and the browser's child processes inherit the niceness and the missing capability.
    private static string? Launcher(string executable, int niceness)
    {
        if (OperatingSystem.IsWindows() || (!Environment.IsPrivilegedProcess && niceness == 0)) return null;
        var path = Path.Combine(Path.GetTempPath(), $"admin-load-chromium-{Environment.ProcessId}.sh");
        var quoted = "'" + executable.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        File.WriteAllText(path, "#!/bin/sh\nexec " + (Environment.IsPrivilegedProcess ? "setpriv --bounding-set -sys_nice -- " : "")
            + (niceness > 0 ? $"nice -n {niceness} " : "") + quoted + " \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        if (_launcher is not null) File.Delete(_launcher);
    }
}
