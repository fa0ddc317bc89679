using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Admin.Data.Listing.Definitions;

namespace Admin.Data.Listing;

/// <summary>
/// A row's position in an ordering, as an opaque string: the key values, typed by the ordering's key columns.
/// Decoding checks every value against its column's type, so a damaged or foreign cursor is an error, not a query.
/// Cursors are only base64, not secret, and an API hands them out: the value of a personal key column (the "phone"
/// ordering starts with the number) is left out, and <see cref="WindowSql"/> reads it back from the row by primary key.
/// </summary>
public static class KeysetCursor
{
    private const string Version = "k1.";
    private const char Separator = '\u001f';
    private const int MaxLength = 1024;

    /// <summary>
    /// Every fetched row gets a cursor, so this writes the UTF-8 text and its URL-safe base64 (no padding) straight
    /// into buffers: one string allocated, not a string per value, the joined text, its bytes and three rewrites.
    /// </summary>
    public static string Encode(IReadOnlyList<object> values)
    {
        var size = 0;
        foreach (var value in values) size += MaxUtf8Length(value) + 1;
        var rented = size > 512 ? ArrayPool<byte>.Shared.Rent(size) : null;
        try
        {
            Span<byte> text = rented ?? stackalloc byte[512];
            var length = 0;
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0) text[length++] = (byte)Separator;
                length += Write(values[i], text[length..]);
            }
            var count = Version.Length + Base64Url.GetEncodedLength(length);
            Span<char> chars = count <= 1024 ? stackalloc char[count] : new char[count];
            Version.CopyTo(chars);
            Base64Url.EncodeToChars(text[..length], chars[Version.Length..]);
            return new string(chars);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int MaxUtf8Length(object value) => value is string s ? Encoding.UTF8.GetMaxByteCount(s.Length) : 32;

    private static int Write(object value, Span<byte> to)
    {
        var c = CultureInfo.InvariantCulture;
        int written;
        var ok = value switch
        {
            DateTimeOffset d => d.UtcTicks.TryFormat(to, out written, default, c),
            DateTime d => d.ToUniversalTime().Ticks.TryFormat(to, out written, default, c),
            Guid g => g.TryFormat(to, out written, "N"),
            long l => l.TryFormat(to, out written, default, c),
            int n => n.TryFormat(to, out written, default, c),
            string s when !s.Contains(Separator) => (written = Encoding.UTF8.GetBytes(s, to)) >= 0,
            _ => throw new ArgumentException($"Cannot put a {value.GetType().Name} in a cursor."),
        };
        return ok ? written : throw new InvalidOperationException("A cursor value outgrew its buffer.");
    }

    /// <summary>The cursor of <paramref name="row"/> in <paramref name="ordering"/>, without the values of personal columns.</summary>
    public static string Of<T>(TableDefinition<T> table, OrderingDefinition<T> ordering, T row) where T : class
    {
        var values = ordering.KeyOf(row);
        for (var i = 0; i < values.Length; i++)
            if (table.IsPersonal(ordering.Keys[i].Column)) values[i] = Withheld;
        return Encode(values);
    }

    /// <summary>
    /// The key values, typed. A personal column's value is not read from the cursor (null in the result, whatever the
    /// cursor holds there): the caller looks it up by primary key.
    /// </summary>
    public static object?[] Decode(string cursor, IReadOnlyList<KeyColumn> keys, Func<string, bool> isPersonal)
    {
        var parts = Split(cursor, keys.Count);
        var values = new object?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
            values[i] = isPersonal(keys[i].Column) ? null : Parse(parts[i], keys[i].Type) ?? throw Invalid();
        return values;
    }

    // Stands in for a withheld personal value: an empty field.
    private const string Withheld = "";

    private static string[] Split(string cursor, int count)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxLength || !cursor.StartsWith(Version, StringComparison.Ordinal))
            throw Invalid();
        string text;
        try
        {
            var b64 = cursor[Version.Length..].Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(b64));
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            throw Invalid();
        }
        var parts = text.Split(Separator);
        if (parts.Length != count) throw Invalid();
        return parts;
    }

    private static object? Parse(string s, Type type)
    {
        if (type == typeof(DateTimeOffset))
            return long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t >= DateTimeOffset.MinValue.UtcTicks && t <= DateTimeOffset.MaxValue.UtcTicks
                ? new DateTimeOffset(t, TimeSpan.Zero) : null;
        if (type == typeof(Guid)) return Guid.TryParseExact(s, "N", out var g) ? g : null;
        if (type == typeof(long)) return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
        if (type == typeof(int)) return int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (type == typeof(string)) return s.Length <= 255 ? s : null;
        return null;
    }

    private static ListRequestException Invalid() =>
        new("This position is not valid for this list (the link may be damaged or from another list). Start again from the newest records.", "cursor");
}
