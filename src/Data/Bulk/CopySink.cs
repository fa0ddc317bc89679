using Npgsql;

namespace Admin.Data.Bulk;

/// <summary>How rows reach PostgreSQL's COPY: the column table's <c>Encode</c> (a row straight into the wire format, on the generator's thread) or <c>Write</c> (Npgsql's importer, ~100 ns of parameter binding per value).</summary>
public enum CopyPath
{
    /// <summary>Encoded to the binary COPY format on the generator's thread, streamed through <c>BeginRawBinaryCopyAsync</c>.</summary>
    Encoded,
    /// <summary>Written value by value through <c>NpgsqlBinaryImporter.Write&lt;T&gt;</c> on the writer's thread.</summary>
    Importer,
}

/// <summary>One COPY FROM STDIN in progress. Disposed without <see cref="CompleteAsync"/>, it cancels the COPY, so the server discards it.</summary>
internal abstract class CopySink<T> : IAsyncDisposable where T : class, new()
{
    public static async Task<CopySink<T>> StartAsync(NpgsqlConnection conn, CopyPath path, string copy, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct) =>
        path == CopyPath.Encoded
            ? await EncodedSink.StartAsync(conn, copy, ct)
            : new ImporterSink(await conn.BeginBinaryImportAsync(copy, ct), write);

    public abstract ValueTask WriteAsync(CopyBatch<T> batch, CancellationToken ct);

    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class ImporterSink(NpgsqlBinaryImporter importer, Action<NpgsqlBinaryImporter, T> write) : CopySink<T>
    {
        public override ValueTask WriteAsync(CopyBatch<T> batch, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            var rows = batch.Rows;
            for (var i = 0; i < batch.Count; i++) write(importer, rows[i]);
            return ValueTask.CompletedTask;
        }

        public override async Task CompleteAsync(CancellationToken ct) => await importer.CompleteAsync(ct);

        public override ValueTask DisposeAsync() => importer.DisposeAsync();
    }

    private sealed class EncodedSink(NpgsqlRawCopyStream stream) : CopySink<T>
    {
        private bool _completed;

        public static async Task<CopySink<T>> StartAsync(NpgsqlConnection conn, string copy, CancellationToken ct)
        {
            var stream = await conn.BeginRawBinaryCopyAsync(copy, ct);
            await stream.WriteAsync(CopyBuffer.Header.ToArray(), ct);
            return new EncodedSink(stream);
        }

        public override ValueTask WriteAsync(CopyBatch<T> batch, CancellationToken ct) => stream.WriteAsync(batch.Bytes!.Written, ct);

        public override async Task CompleteAsync(CancellationToken ct)
        {
            await stream.WriteAsync(CopyBuffer.Trailer.ToArray(), ct);
            _completed = true;
            await stream.DisposeAsync(); // sends CopyDone and waits for the server's CommandComplete
        }

        public override async ValueTask DisposeAsync()
        {
            if (_completed) return;
            _completed = true;
            // A raw stream finishes its COPY on disposal: cancel instead, so the server discards partial data.
            try
            {
                await stream.CancelAsync();
            }
            catch (Exception)
            {
                // The connection is broken or the COPY already failed; either way the transaction will not commit.
            }
        }
    }
}
