using System.Globalization;

namespace Admin.Cli;

/// <summary>"--name value" and "--flag" options of a verb; anything the verb does not know passes on to configuration.</summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _options;

    private CommandArgs(Dictionary<string, string?> options, string[] remaining) => (_options, Remaining) = (options, remaining);

    /// <summary>Arguments for the host's configuration (e.g. --ConnectionStrings:Admin=...).</summary>
    public string[] Remaining { get; }

    public static CommandArgs Parse(string[] args)
    {
        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var remaining = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.Contains(':') || a.Contains('='))
            {
                remaining.Add(a); // configuration key, e.g. --ConnectionStrings:Admin=...
                continue;
            }
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
                throw new FormatException($"Unexpected argument '{a}'. Options look like --rows 1000000.");
            var name = a[2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[name] = hasValue ? args[++i] : null;
        }
        return new CommandArgs(options, [.. remaining]);
    }

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? String(string name) => _options.GetValueOrDefault(name);

    public long Long(string name, long fallback, long min = long.MinValue, long max = long.MaxValue)
    {
        if (!_options.TryGetValue(name, out var text) || text is null) return fallback;
        var cleaned = text.Replace("_", "").Replace(",", "");
        if (!long.TryParse(cleaned, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new FormatException($"--{name} must be a whole number from {min:N0} to {max:N0}; got '{text}'.");
        return value;
    }
}
