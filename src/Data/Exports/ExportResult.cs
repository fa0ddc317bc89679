namespace Admin.Data.Exports;

/// <summary>
/// What an export wrote: data rows (exact, counted from the stream), bytes of CSV/NDJSON, bytes on disk (compressed, for
/// files), COPY streams used, and how long it took.
/// </summary>
public sealed record ExportResult(long Rows, long Bytes, long FileBytes, int Streams, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
