using System.Buffers;
using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// Runs one COPY ... TO STDOUT and moves its bytes to a stream as they arrive, in fixed-size chunks: memory stays
/// the same whatever the row count. Cancellation reaches the server: once rows flow, the token sends PostgreSQL a
/// cancel request for the statement (Npgsql's, over a connection of its own, so it works with the pool exhausted);
/// before that, while the COPY is still planning or waiting on a lock, pg_cancel_backend does it, where closing the
/// socket would leave the backend running until it next writes. A pump that stops early for any other reason (the
/// client went away, the disk is full) cancels the statement the same way, so that ending the COPY does not mean
/// reading the rest of it.
/// </summary>
internal static class CopyPump
{
    private const int ChunkSize = 256 * 1024;
    private const int RefillBelow = 16 * 1024;

    public static async Task<long> RunAsync(NpgsqlDataSource dataSource, NpgsqlConnection conn, string copySql, Stream output,
        CopyRowCounter counter, ExportProgress? progress, TimeSpan limit, CancellationToken ct)
    {
        var pid = conn.ProcessID;
        var copying = 1;
        NpgsqlRawCopyStream? raw = null;
        Task? cancelling = null;
        var registration = ct.Register(() =>
        {
            if (Volatile.Read(ref copying) == 1)
                cancelling = CancelAsync(dataSource, Volatile.Read(ref raw), pid, () => Volatile.Read(ref copying) == 1 && Volatile.Read(ref raw) is null);
        });
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        NpgsqlCopyTextReader? reader = null;
        var finished = false;
        var serverEnded = false;
        long bytes = 0;
        try
        {
            ct.ThrowIfCancellationRequested();
            reader = await conn.BeginTextExportAsync(copySql, CancellationToken.None);
            // Raw bytes: the UTF-8 PostgreSQL sends is what the file holds, never decoded to chars and encoded back.
            Volatile.Write(ref raw, (NpgsqlRawCopyStream)reader.BaseStream);
            raw!.ReadTimeout = (int)Math.Min(int.MaxValue, (limit + TimeSpan.FromMinutes(1)).TotalMilliseconds);
            bytes = await PumpAsync(new PumpState(raw, buffer, counter, progress), output, ct);
            finished = true;
        }
        catch (NpgsqlException ex)
        {
            serverEnded = true; // the statement is over (an error, a cancel, a broken connection): nothing left to stop
            if (ex is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } && ct.IsCancellationRequested)
                throw new OperationCanceledException("The export was cancelled.", ex, ct);
            throw;
        }
        finally
        {
            Volatile.Write(ref copying, 0);
            await registration.DisposeAsync(); // waits for a callback that is already running
            await QuietlyAsync(cancelling);
            // Stopped early with the COPY still running: cancel it on the stream (again, if a cancel raced its start;
            // Npgsql sends one per statement), so that ending the stream does not read the rest of the COPY.
            if (!finished && !serverEnded && raw is not null)
                await QuietlyAsync(CancelAsync(dataSource, raw, pid, () => false));
            if (reader is not null)
            {
                // Reads what the server sent before it saw the cancel, up to its error: the connection stays usable.
                try { await reader.BaseStream.DisposeAsync(); }
                catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException) { }
                reader.Dispose();
            }
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return bytes;
    }

    private sealed record PumpState(NpgsqlRawCopyStream Raw, byte[] Buffer, CopyRowCounter Counter, ExportProgress? Progress);

    private static async Task<long> PumpAsync(PumpState s, Stream output, CancellationToken ct)
    {
        long bytes = 0;
        while (true)
        {
            // Each read returns at most one CopyData message (one row): gather a chunk before writing it.
            var filled = 0;
            int n;
            do
            {
                n = await s.Raw.ReadAsync(s.Buffer.AsMemory(filled, ChunkSize - filled), CancellationToken.None);
                filled += n;
            }
            while (n > 0 && ChunkSize - filled >= RefillBelow);
            if (filled == 0) return bytes;
            bytes += Deliver(s, filled);
            await output.WriteAsync(s.Buffer.AsMemory(0, filled), ct);
            if (n == 0) return bytes;
        }
    }

    /// <summary>Counts the chunk's rows and reports them; returns its size.</summary>
    private static int Deliver(PumpState s, int filled)
    {
        var before = s.Counter.Rows;
        s.Counter.Scan(s.Buffer.AsSpan(0, filled));
        s.Progress?.Add(s.Counter.Rows - before);
        return filled;
    }

    private static async Task QuietlyAsync(Task? cancelling)
    {
        if (cancelling is null) return;
        try { await cancelling; }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or ObjectDisposedException or InvalidOperationException) { }
    }

    private static Task CancelAsync(NpgsqlDataSource dataSource, NpgsqlRawCopyStream? raw, int pid, Func<bool> starting) =>
        raw is not null ? Task.Run(raw.Cancel) : CancelBackendAsync(dataSource, pid, starting);

    /// <summary>
    /// Cancels the COPY before it streams. A cancel reaches only a statement the backend is already running, and one
    /// sent while the COPY is still on its way is lost (the COPY would then wait on its lock for the whole export
    /// limit), so it is repeated until the COPY has started streaming (cancelled on its stream then) or has ended.
    /// </summary>
    private static async Task CancelBackendAsync(NpgsqlDataSource dataSource, int pid, Func<bool> starting)
    {
        do
        {
            await using var cmd = dataSource.CreateCommand("SELECT pg_cancel_backend($1)");
            cmd.Parameters.Add(new NpgsqlParameter { Value = pid });
            await cmd.ExecuteScalarAsync(CancellationToken.None);
            await Task.Delay(50);
        }
        while (starting());
    }
}
