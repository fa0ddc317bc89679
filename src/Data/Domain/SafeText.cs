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

    /// <summary>
    /// JSON text made storable as <c>jsonb</c>: a serializer writes a NUL as the escape <c>\u0000</c> and a lone
    /// surrogate as <c>\uD800</c>, both of which PostgreSQL refuses (the whole INSERT fails). Those escapes become
    /// U+FFFD; raw text is cleaned as by <see cref="Clean"/>. Text that is still not JSON is kept as a JSON string
    /// (<c>{"text": "..."}</c>) rather than lost.
    /// </summary>
    public static string CleanJson(string json)
    {
        var text = Clean(json);
        if (text.Contains("\\u", StringComparison.Ordinal)) text = CleanEscapes(text);
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text);
            return text;
        }
        catch (System.Text.Json.JsonException)
        {
            return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = text }, UnescapedJson);
        }
    }

    // Serializes a lone surrogate as U+FFFD rather than as an escape jsonb refuses (the text was cleaned already).
    private static readonly System.Text.Json.JsonSerializerOptions UnescapedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Walks the escapes (so an escaped backslash followed by "u0000" is left alone) and replaces \u0000 and
    // \uXXXX surrogate escapes that are not a high-low pair.
    private static string CleanEscapes(string json)
    {
        var sb = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c != '\\' || i + 1 >= json.Length) { sb.Append(c); continue; }
            if (json[i + 1] != 'u' || !TryEscape(json, i, out var unit)) { sb.Append(c).Append(json[i + 1]); i++; continue; }
            if (unit == 0) sb.Append("\\uFFFD");
            else if (char.IsHighSurrogate(unit) && TryEscape(json, i + 6, out var low) && char.IsLowSurrogate(low)) { sb.Append(json, i, 12); i += 6; }
            else if (char.IsSurrogate(unit)) sb.Append("\\uFFFD");
            else sb.Append(json, i, 6);
            i += 5;
        }
        return sb.ToString();
    }

    private static bool TryEscape(string json, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u') return false;
        if (!ushort.TryParse(json.AsSpan(at + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var v)) return false;
        unit = (char)v;
        return true;
    }

    // Never cut between the halves of a surrogate pair.
    private static string Cut(string text, int max) => text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
}
