namespace Admin.Data.Exports;

/// <summary>Rows written so far by a running export, summed over its streams; read by whoever shows progress.</summary>
public sealed class ExportProgress
{
    private long _rows;

    public long Rows => Interlocked.Read(ref _rows);

    internal void Add(long rows)
    {
        if (rows != 0) Interlocked.Add(ref _rows, rows);
    }
}
