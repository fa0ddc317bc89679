using System.Text;

namespace Admin.Data.Domain;

/// <summary>
/// Text from outside (a search box, a URL, an API body) made storable: PostgreSQL refuses NUL, and Npgsql throws on
/// invalid UTF-16 (a lone surrogate), either of which would otherwise surface as a server error.
/// </summary>
public static class SafeText
{
    /// <summary>True when the text has no NUL, no other control character but tab/newline, and no lone surrogate.</summary>
    public static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))) return false;
        }
        return true;
    }

    /// <summary>Replaces lone surrogates with U+FFFD and drops control characters (tab/newline kept); cuts to <paramref name="max"/>.</summary>
    public static string Clean(string text, int max = int.MaxValue)
    {
        if (IsClean(text)) return text.Length <= max ? text : Cut(text, max);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (!char.IsControl(c) || c is '\t' or '\n' or '\r') sb.Append(c);
        }
        return sb.Length <= max ? sb.ToString() : Cut(sb.ToString(), max);
    }

    // Never cut between the halves of a surrogate pair.
    private static string Cut(string text, int max) => text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
}
