namespace Admin.Data.Exports;

/// <summary>The file formats an export is written in.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180 CSV with a header row, PostgreSQL's own CSV output (NULL is an empty unquoted field, "" an empty string).</summary>
    Csv,
    /// <summary>One JSON object per line, typed values (numbers, booleans, null, nested JSON).</summary>
    Ndjson,
}

public static class ExportFormats
{
    public static IReadOnlyList<ExportFormat> All { get; } = [ExportFormat.Csv, ExportFormat.Ndjson];

    public static string Code(this ExportFormat format) => format == ExportFormat.Csv ? "csv" : "ndjson";

    public static string ContentType(this ExportFormat format) =>
        format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    public static string Title(this ExportFormat format) => format == ExportFormat.Csv ? "CSV" : "NDJSON";

    public static bool TryParse(string? text, out ExportFormat format)
    {
        foreach (var f in All)
        {
            if (string.Equals(text?.Trim(), f.Code(), StringComparison.OrdinalIgnoreCase))
            {
                format = f;
                return true;
            }
        }
        format = default;
        return false;
    }

    /// <summary>The message for a format this app does not write.</summary>
    public static string Unknown(string? text) =>
        $"'{(text is { Length: > 20 } ? text[..20] + "…" : text)}' is not an export format. Choose csv or ndjson.";
}
