namespace Admin.Data.Domain;

/// <summary>
/// South African mobile numbers in E.164 (+27 and nine digits). Reads what people type ("082 123 4567",
/// "+27 82-123-4567", "0027821234567") and what the old data stored ("27821234567").
/// </summary>
public static class Msisdn
{
    public const int NationalDigits = 9;

    public static bool TryNormalize(string? input, out string e164)
    {
        e164 = "";
        if (!TryDigits(input, out var national) || national.Length != NationalDigits) return false;
        e164 = "+27" + national;
        return true;
    }

    public static string Normalize(string input) =>
        TryNormalize(input, out var e164)
            ? e164
            : throw new FormatException($"'{input}' is not a South African mobile number (0XX XXX XXXX or +27 XX XXX XXXX).");

    /// <summary>Normalises a partial number typed into a search box to the E.164 prefix it stands for ("082 12" -> "+278212").</summary>
    public static bool TryNormalizePrefix(string? input, out string prefix)
    {
        prefix = "";
        if (!TryDigits(input, out var national) || national.Length is 0 or > NationalDigits) return false;
        prefix = "+27" + national;
        return true;
    }

    /// <summary>"+27821234567" -> "+27 82 *** 4567": enough to tell numbers apart, not enough to call.</summary>
    public static string Mask(string e164) =>
        e164.Length == 3 + NationalDigits && e164.StartsWith("+27", StringComparison.Ordinal)
            ? $"+27 {e164.Substring(3, 2)} *** {e164[^4..]}"
            : new string('*', Math.Min(e164.Length, 12));

    // National significant digits (without the leading 0 or country code), or false when the text is not a number.
    private static bool TryDigits(string? input, out string national)
    {
        national = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32) return false;
        Span<char> digits = stackalloc char[32];
        var n = 0;
        var s = input.Trim();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9') digits[n++] = c;
            else if (c == '+' && i == 0) continue;
            else if (c is ' ' or '-' or '(' or ')' or '.') continue;
            else return false;
        }
        var d = new string(digits[..n]);
        if (d.StartsWith("0027", StringComparison.Ordinal)) d = d[4..];
        else if (d.StartsWith("27", StringComparison.Ordinal)) d = d[2..]; // national numbers never start with 2
        else if (d.StartsWith('0')) d = d[1..];
        else if (s.StartsWith('+')) return false; // another country code
        if (d.Length > 0 && d[0] is not ('6' or '7' or '8')) return false; // SA mobile ranges start 6, 7 or 8
        national = d;
        return true;
    }
}
