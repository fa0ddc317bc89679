namespace Admin.Testing;

/// <summary>
/// Debian's Chromium, for the browser tests and the load harness's browser users: never a downloaded browser (there is
/// no internet, and the system package is patched). Plain names only, so the load harness links this file without
/// taking the test library with it.
/// </summary>
public static class ChromiumBinary
{
    /// <summary>Set to use another Chromium binary.</summary>
    public const string Variable = "ADMIN_CHROMIUM";

    // The real binary first: /usr/bin/chromium is a wrapper script that also works, but adds a process in between.
    public static readonly IReadOnlyList<string> Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    /// <summary>Headless in a container as root, and quiet: no sandbox, GPU, QUIC, first-run or background traffic.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// The binary <see cref="Variable"/> names (which must exist), else the first of Debian's that does; null when
    /// there is none. Callers say what to do about it.
    /// </summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{Variable} is set to '{configured}', which does not exist.");
        return Candidates.FirstOrDefault(File.Exists);
    }
}
