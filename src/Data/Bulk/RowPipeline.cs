using System.Threading.Channels;

namespace Admin.Data.Bulk;

/// <summary>
/// Generation and writing overlapped: a producer task fills reusable batches of entities and hands them over a
/// bounded channel to the writer, which returns them once written. A few batches in flight keep both sides busy
/// while bounding memory; entities are reused, so the steady state allocates only the per-row strings.
/// </summary>
internal static class RowPipeline
{
    public delegate ValueTask ConsumeBatch<T>(T[] rows, int count, CancellationToken ct);

    /// <summary>Runs until <paramref name="fill"/> returns 0; returns the rows produced.</summary>
    public static async Task<long> RunAsync<T>(Func<Span<T>, int> fill, ConsumeBatch<T> consume, int batchSize, int batchesInFlight, CancellationToken ct)
        where T : class, new()
    {
        var free = Channel.CreateBounded<T[]>(batchesInFlight);
        for (var b = 0; b < batchesInFlight; b++)
        {
            var rows = new T[batchSize];
            for (var i = 0; i < rows.Length; i++) rows[i] = new T();
            free.Writer.TryWrite(rows);
        }
        var full = Channel.CreateBounded<(T[] Rows, int Count)>(new BoundedChannelOptions(batchesInFlight) { SingleReader = true, SingleWriter = true });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long produced = 0;
        var producer = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var rows = await free.Reader.ReadAsync(stop.Token);
                    var n = fill(rows);
                    if (n == 0) break;
                    produced += n;
                    await full.Writer.WriteAsync((rows, n), stop.Token);
                }
            }
            finally
            {
                // A failed producer ends the stream early; awaiting it below rethrows its exception before any commit.
                full.Writer.TryComplete();
            }
        }, stop.Token);

        try
        {
            await foreach (var (rows, count) in full.Reader.ReadAllAsync(stop.Token))
            {
                await consume(rows, count, stop.Token);
                free.Writer.TryWrite(rows);
            }
        }
        catch
        {
            await stop.CancelAsync();
            try { await producer; } catch { /* the writer's exception is the one to report */ }
            throw;
        }
        await producer;
        return produced;
    }
}
