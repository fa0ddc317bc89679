using Admin.Data.Exports;
using Admin.Testing;

namespace Admin.Data.Tests.Exports;

/// <summary>A cancelled export stops its statement on the server, not only in the app, whatever the COPY was doing.</summary>
public class ExportCancellationTests
{
    [Fact]
    public async Task Cancelling_a_streaming_export_ends_its_copy_on_the_server()
    {
        await using var f = await ExportFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 200_000);
        var destination = new BlockingStream();
        using var cts = new CancellationTokenSource();

        var export = f.Exporter.WriteAsync(ExportFixture.Query(), ExportFormat.Csv, false, destination, null, cts.Token);
        await destination.FirstWrite;
        Assert.Equal(1, await ServerActivity.ActiveCopiesAsync(f.Db));

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => export);
        await ServerActivity.WaitUntilAsync(async () => await ServerActivity.ActiveCopiesAsync(f.Db) == 0, "the COPY to end on the server");
    }

    [Fact]
    public async Task Cancelling_an_export_still_waiting_for_its_first_row_ends_it_on_the_server()
    {
        // A COPY blocked before sending anything (here on a lock) never notices a closed socket; it must be cancelled.
        await using var f = await ExportFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 100);
        await using var locker = await f.Db.DataSource.OpenConnectionAsync();
        await using var tx = await locker.BeginTransactionAsync();
        await using (var cmd = new Npgsql.NpgsqlCommand("LOCK TABLE health_checks IN ACCESS EXCLUSIVE MODE", locker, tx))
            await cmd.ExecuteNonQueryAsync();
        using var cts = new CancellationTokenSource();

        var export = f.Exporter.WriteAsync(ExportFixture.Query(), ExportFormat.Csv, false, Stream.Null, null, cts.Token);
        await ServerActivity.WaitUntilAsync(async () => await ServerActivity.ActiveCopiesAsync(f.Db, waitingOnLock: true) == 1, "the COPY to wait on the lock");

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => export);
        // The lock is still held: the COPY is gone because the server cancelled it.
        await ServerActivity.WaitUntilAsync(async () => await ServerActivity.ActiveCopiesAsync(f.Db) == 0, "the COPY to end on the server");
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task A_failing_destination_stops_the_copy_instead_of_draining_it()
    {
        await using var f = await ExportFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 200_000);

        await Assert.ThrowsAsync<IOException>(() =>
            f.Exporter.WriteAsync(ExportFixture.Query(), ExportFormat.Csv, false, new FailingStream(), null, default));

        Assert.Equal(0, await ServerActivity.ActiveCopiesAsync(f.Db));
        // The pooled connection is healthy afterwards.
        Assert.Equal(1, await f.Db.ScalarAsync<int>("SELECT 1"));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("No space left on device"));
    }
}
