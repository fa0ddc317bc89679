using System.Text;

namespace Admin.Testing.Exports;

/// <summary>One CSV field, and whether it was quoted: PostgreSQL writes NULL as an unquoted empty field, '' as "".</summary>
public readonly record struct CsvField(string Text, bool Quoted)
{
    public bool IsNull => !Quoted && Text.Length == 0;

    /// <summary>The value as the database holds it (null for NULL).</summary>
    public string? Value => IsNull ? null : Text;
}

/// <summary>
/// An RFC 4180 reader written for the tests, independent of the exporter: fields separated by commas, records by
/// newlines (CRLF too), quoted fields may hold commas, newlines and doubled quotes. Throws on malformed input.
/// </summary>
public static class CsvRecords
{
    public static IReadOnlyList<IReadOnlyList<CsvField>> Parse(string text)
    {
        var records = new List<IReadOnlyList<CsvField>>();
        var record = new List<CsvField>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            bool quoted;
            if (text[i] == '"')
            {
                quoted = true;
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("A quoted field is not closed.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            else
            {
                quoted = false;
                while (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    if (text[i] == '"') throw new FormatException($"A quote inside an unquoted field at {i}.");
                    field.Append(text[i++]);
                }
            }
            record.Add(new CsvField(field.ToString(), quoted));
            field.Clear();
            if (i >= text.Length) { records.Add(record); break; }
            switch (text[i])
            {
                case ',':
                    i++;
                    if (i >= text.Length) { record.Add(new CsvField("", false)); records.Add(record); }
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                case '\n':
                    i += text[i] == '\r' ? 2 : 1;
                    records.Add(record);
                    record = [];
                    break;
                default:
                    throw new FormatException($"Unexpected character '{text[i]}' after a field at {i}.");
            }
        }
        return records;
    }
}
