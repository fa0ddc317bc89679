namespace Admin.Data.Exports;

/// <summary>A column an export writes; <paramref name="IsText"/>: of PostgreSQL's string category (text, varchar, char).</summary>
internal sealed record ExportColumn(string Name, bool IsText);
