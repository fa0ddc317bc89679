namespace Admin.Data.Domain;

/// <summary>Reads province codes as clients send them: current ISO codes, the pre-2007 codes the old data used, with or without "ZA-".</summary>
public static class ProvinceCodes
{
    private static readonly Dictionary<string, Province> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GT"] = Province.Gauteng,      // old ISO code, now GP
        ["NL"] = Province.KwaZuluNatal, // old ISO code, now KZN
        ["NP"] = Province.Limpopo,      // old ISO code ("Northern Province"), now LP
    };

    static ProvinceCodes()
    {
        foreach (var p in Codes<Province>.All)
            Aliases[Codes<Province>.ToCode(p)[3..]] = p;
    }

    public static bool TryNormalize(string? input, out Province province)
    {
        province = default;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var s = input.Trim();
        if (s.StartsWith("ZA-", StringComparison.OrdinalIgnoreCase)) s = s[3..];
        return Aliases.TryGetValue(s, out province);
    }

    public static Province Normalize(string input) =>
        TryNormalize(input, out var p)
            ? p
            : throw new FormatException($"'{input}' is not a South African province code (expected e.g. ZA-GP, ZA-KZN, or an old code ZA-GT/ZA-NL/ZA-NP).");
}
