using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Admin.Cli;

/// <summary>A verb's parsed options (System.CommandLine), read by the option objects the verb declared.</summary>
public sealed class CommandArgs(ParseResult parse)
{
    public T Get<T>(Option<T> option) => parse.GetValue(option)!;

    /// <summary>Whether the option was on the command line (not just its default).</summary>
    public bool Given(Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>A flag: present or not.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A text value; null when not given.</summary>
    public static Option<string?> Text(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName };

    /// <summary>One of a few words (any case); the fallback when not given.</summary>
    public static Option<string> Choice(string name, string description, string fallback, params string[] choices)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, choices);
        return option;
    }

    /// <summary>A whole number from min to max ("20_000_000" and "20,000,000" read as 20000000); the fallback when not given.</summary>
    public static Option<long> Whole(string name, string description, long fallback, long min, long max) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => ParseWhole(r, name, min, max) ?? fallback,
    };

    /// <summary>Like <see cref="Whole"/>, but null when not given.</summary>
    public static Option<long?> OptionalWhole(string name, string description, long min, long max) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = r => ParseWhole(r, name, min, max),
    };

    private static long? ParseWhole(ArgumentResult result, string name, long min, long max)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[0].Value;
        var cleaned = text.Replace("_", "").Replace(",", "");
        if (long.TryParse(cleaned, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        result.AddError($"{name} must be a whole number from {min:N0} to {max:N0}; got '{text}'.");
        return null;
    }
}
