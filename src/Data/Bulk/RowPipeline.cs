using System.Threading.Channels;

namespace Admin.Data.Bulk;

/// <summary>
/// Generation and writing overlapped: a producer task fills reusable batches and hands them over a bounded channel
/// to the writer, which returns them once written. A few batches in flight keep both sides busy while bounding
/// memory; batches are reused, so the steady state allocates only the per-row strings.
/// </summary>
internal static class RowPipeline
{
    /// <summary>Runs until <paramref name="produce"/> returns false (nothing more to write).</summary>
    public static async Task RunAsync<TBatch>(
        Func<TBatch> create, Func<TBatch, bool> produce, Func<TBatch, CancellationToken, ValueTask> consume, int batchesInFlight, CancellationToken ct)
    {
        var free = Channel.CreateBounded<TBatch>(batchesInFlight);
        for (var b = 0; b < batchesInFlight; b++) free.Writer.TryWrite(create());
        var full = Channel.CreateBounded<TBatch>(new BoundedChannelOptions(batchesInFlight) { SingleReader = true, SingleWriter = true });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var batch = await free.Reader.ReadAsync(stop.Token);
                    if (!produce(batch)) break;
                    await full.Writer.WriteAsync(batch, stop.Token);
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
            await foreach (var batch in full.Reader.ReadAllAsync(stop.Token))
            {
                await consume(batch, stop.Token);
                free.Writer.TryWrite(batch);
            }
        }
        catch
        {
            await stop.CancelAsync();
            try { await producer; } catch { /* the writer's exception is the one to report */ }
            throw;
        }
        await producer;
    }
}
