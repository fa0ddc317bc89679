using System.Globalization;

namespace Admin.Data.Exports;

/// <summary>RFC 4180 fields for the small CSVs the app writes itself (record exports are PostgreSQL's own CSV).</summary>
public static class CsvText
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Number(double? value, string format = "0.######") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    public static string Line(IEnumerable<string> fields) => string.Join(",", fields) + "\n";
}
