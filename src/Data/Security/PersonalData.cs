using Admin.Data.Domain;

namespace Admin.Data.Security;

/// <summary>
/// How personal data looks to a role that may not see it: phone numbers as "+27 82 *** 4567", names as initials.
/// The same rule in C# (rows on their way to a page or API answer) and in SQL (exports streamed by COPY), so no
/// unmasked value ever leaves the server for such a role.
/// </summary>
public static class PersonalData
{
    public static string MaskPhone(string e164) => Msisdn.Mask(e164);

    /// <summary>Text someone typed (a search), with a full phone number in it masked: "082 123 4567" -> "+27 82 *** 4567".</summary>
    public static string MaskIfPhoneNumber(string text) => Msisdn.TryNormalize(text, out var e164) ? MaskPhone(e164) : text;

    /// <summary>"Thandiwe" -> "T."; empty stays empty.</summary>
    public static string Initial(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var initial = char.ToUpperInvariant(name.AsSpan().TrimStart()[0]);
        return initial < AsciiInitials.Length ? AsciiInitials[initial] : initial + ".";
    }

    // Every masked row of a page holds its names' initials until the page's next action: one string per letter, not per row.
    private static readonly string[] AsciiInitials = Enumerable.Range(0, 128).Select(c => (char)c + ".").ToArray();

    /// <summary>SQL for a masked E.164 column, equal to <see cref="MaskPhone"/> for valid numbers.</summary>
    public static string MaskPhoneSql(string column) =>
        $"CASE WHEN {column} ~ '^\\+27[0-9]{{9}}$' THEN '+27 ' || substr({column}, 4, 2) || ' *** ' || right({column}, 4) ELSE repeat('*', least(length({column}), 12)) END";

    /// <summary>SQL for a name reduced to its initial, equal to <see cref="Initial"/>.</summary>
    public static string InitialSql(string column) =>
        $"CASE WHEN coalesce(btrim({column}), '') = '' THEN '' ELSE upper(left(btrim({column}), 1)) || '.' END";
}
