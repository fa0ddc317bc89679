namespace Admin.Data.Bulk;

/// <summary>
/// A reusable batch between generator and writer: the generated entities and, when the rows are pre-encoded,
/// their binary COPY bytes.
/// </summary>
internal sealed class CopyBatch<T> where T : class, new()
{
    public CopyBatch(int size, bool encoded)
    {
        Rows = new T[size];
        for (var i = 0; i < size; i++) Rows[i] = new T();
        Bytes = encoded ? new CopyBuffer(size * 320) : null;
    }

    public T[] Rows { get; }
    public int Count { get; set; }
    public CopyBuffer? Bytes { get; }
}
