using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Admin.Data.Validation;

/// <summary>
/// The <c>data</c> field: a JSON object that PostgreSQL's jsonb will accept. System.Text.Json is more lenient than
/// jsonb in three ways that would otherwise surface as 500s: <c>\u0000</c> (jsonb: "unsupported Unicode escape
/// sequence"), an escaped lone surrogate such as <c>\ud800</c>, and huge exponents ("value overflows numeric format").
/// </summary>
public static class JsonObjectRule
{
    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = HealthCheckLimits.DataDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>A readable reason the text is not a storable JSON object, or null when it is.</summary>
    public static string? Problem(string text)
    {
        if (!TextRules.IsWellFormedUtf16(text)) return "contains invalid Unicode (a lone surrogate half).";
        if (text.Contains('\0')) return "contains a NUL character, which cannot be stored.";
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > HealthCheckLimits.DataBytes)
            return $"is {bytes.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes; at most {HealthCheckLimits.DataBytes.ToString("N0", CultureInfo.InvariantCulture)} are allowed.";
        try
        {
            var reader = new Utf8JsonReader(bytes, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return "must be a JSON object, such as {\"language\": \"eng\"}.";
            while (reader.Read())
            {
                var problem = reader.TokenType switch
                {
                    JsonTokenType.PropertyName or JsonTokenType.String => StringProblem(ref reader),
                    JsonTokenType.Number => NumberProblem(reader.ValueSpan), // one contiguous buffer: never a ValueSequence
                    _ => null,
                };
                if (problem is not null) return problem;
            }
            return null;
        }
        catch (JsonException e)
        {
            return e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"is nested deeper than {HealthCheckLimits.DataDepth} levels."
                : $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}).";
        }
    }

    private static string? StringProblem(ref Utf8JsonReader reader)
    {
        string value;
        try { value = reader.GetString()!; }
        catch (InvalidOperationException) { return "contains an escaped lone surrogate (such as \\ud800), which is not valid Unicode."; }
        if (value.Contains('\0')) return "contains \\u0000, which PostgreSQL cannot store.";
        return TextRules.IsWellFormedUtf16(value) ? null : "contains an escaped lone surrogate (such as \\ud800), which is not valid Unicode.";
    }

    private static string? NumberProblem(ReadOnlySpan<byte> raw)
    {
        var e = raw.IndexOfAny((byte)'e', (byte)'E');
        if (e < 0) return null;
        var exponent = raw[(e + 1)..];
        return exponent.Length <= 6 && int.TryParse(exponent, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x)
            && Math.Abs(x) <= HealthCheckLimits.DataExponent
            ? null
            : $"holds a number with an exponent beyond ±{HealthCheckLimits.DataExponent}, which cannot be stored.";
    }
}
