namespace Admin.Data.Exports;

/// <summary>
/// Counts rows in COPY output as it streams past, without parsing it: a row ends at a newline outside quotes.
/// PostgreSQL's CSV puts every field holding a newline in quotes and doubles quotes inside them, so toggling on each
/// quote byte is exact; NDJSON (JSON escapes newlines) has one row per line. Vectorised byte searches: no allocation,
/// no per-field work, far faster than the server produces rows.
/// </summary>
internal sealed class CopyRowCounter(bool quoted, bool header)
{
    private bool _inQuotes;
    private long _lines;

    /// <summary>Data rows seen so far (the header line is not one).</summary>
    public long Rows => header ? Math.Max(0, _lines - 1) : _lines;

    public static CopyRowCounter For(ExportFormat format, bool header) =>
        new(quoted: format == ExportFormat.Csv, header: format == ExportFormat.Csv && header);

    public void Scan(ReadOnlySpan<byte> data)
    {
        if (!quoted)
        {
            _lines += data.Count((byte)'\n');
            return;
        }
        while (!data.IsEmpty)
        {
            int i;
            if (_inQuotes)
            {
                i = data.IndexOf((byte)'"');
                if (i < 0) return;
                _inQuotes = false;
            }
            else
            {
                i = data.IndexOfAny((byte)'"', (byte)'\n');
                if (i < 0) return;
                if (data[i] == (byte)'\n') _lines++;
                else _inQuotes = true;
            }
            data = data[(i + 1)..];
        }
    }
}
