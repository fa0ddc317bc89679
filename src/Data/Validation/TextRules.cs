using System.Globalization;
using System.Text;

namespace Admin.Data.Validation;

/// <summary>
/// What every text field must be before it goes near the database: PostgreSQL refuses NUL in text, Npgsql throws on
/// a lone surrogate (it cannot encode it as UTF-8), and control characters in a name or a city are never real data.
/// Lengths count code points, as PostgreSQL's varchar(n) does.
/// </summary>
public static class TextRules
{
    /// <summary>A readable reason the text cannot be stored, or null when it can.</summary>
    public static string? Problem(string value, int maxLength)
    {
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return "contains invalid Unicode (a lone surrogate half); re-enter the text.";
            else if (c == '\0') return "contains a NUL character, which cannot be stored.";
            else if (char.IsControl(c)) return $"contains a control character (U+{(int)c:X4}); use plain text on one line.";
            else if (c is '\uFFFE' or '\uFFFF') return "contains a Unicode non-character; re-enter the text.";
            length++;
        }
        return length > maxLength
            ? $"is {length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {maxLength.ToString("N0", CultureInfo.InvariantCulture)} are allowed."
            : null;
    }

    /// <summary>True when the string holds no lone surrogate half (it can be encoded as UTF-8 without loss).</summary>
    public static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return false;
        }
        return true;
    }

    /// <summary>The value in quotes when it is short and printable, so a message can name it; otherwise a neutral phrase.</summary>
    public static string Quote(string? value) =>
        value is { Length: > 0 and <= 40 } && Problem(value, 40) is null ? "'" + value + "'" : "The value";

    /// <summary>Counts UTF-8 bytes; only for well-formed strings.</summary>
    internal static int Utf8Bytes(string value) => Encoding.UTF8.GetByteCount(value);
}
