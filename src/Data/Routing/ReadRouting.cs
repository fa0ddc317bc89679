using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Routing;

/// <summary>
/// Sends reads that tolerate replica lag (grid windows, counts, hotspots, feed pages, exports) to the standby while
/// <see cref="ReplicaMonitor"/> says it is reachable and current, else to the primary. Read-your-writes: after a
/// reader's write (<see cref="NoteWriteAsync"/>), that reader's reads go to the primary until the standby has replayed
/// the write, for at most <see cref="ReadRoutingOptions.ReadYourWrites"/>. The reader is ambient
/// (<see cref="ReaderScope"/>): the request pipeline and each circuit activity set it.
/// </summary>
public sealed class ReadRouting(AdminDataSources sources, ReplicaMonitor monitor, IOptions<ReadRoutingOptions> options, TimeProvider time) : ReadSource
{
    private static readonly AsyncLocal<string?> CurrentReader = new();
    private readonly ConcurrentDictionary<string, (NpgsqlLogSequenceNumber Lsn, DateTimeOffset Until)> _pins = new();

    /// <summary>Who reads in this async flow (a user or API key id); null for background work.</summary>
    public static string? Reader => CurrentReader.Value;

    /// <summary>Sets the reader for the rest of this async flow; disposing restores the previous one.</summary>
    public static IDisposable ReaderScope(string? reader)
    {
        var previous = CurrentReader.Value;
        CurrentReader.Value = reader;
        return new Restore(previous);
    }

    public bool HasReplica => sources.Replica is not null;

    /// <summary>Whether a read in this flow would go to the standby now.</summary>
    public bool UsesReplica => sources.Replica is not null && monitor.Status.Serves(options.Value.MaxLag) && !Pinned(Reader);

    /// <summary>A connection for a lag-tolerant read. A standby that refuses the connection is marked down and the primary answers.</summary>
    public override async ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        if (!UsesReplica) return await sources.Primary.OpenConnectionAsync(ct);
        try
        {
            return await sources.Replica!.OpenConnectionAsync(ct);
        }
        catch (NpgsqlException ex) when (!ct.IsCancellationRequested)
        {
            monitor.MarkUnreachable(ex.Message);
            return await sources.Primary.OpenConnectionAsync(ct);
        }
    }

    /// <summary>
    /// After a commit on <paramref name="primary"/>: the current reader reads from the primary until the standby has
    /// replayed this point. Nothing to do without a standby or a reader.
    /// </summary>
    public async Task NoteWriteAsync(NpgsqlConnection primary, CancellationToken ct = default)
    {
        if (sources.Replica is null || Reader is not { } reader) return;
        try
        {
            // The insert position, not pg_current_wal_lsn (the write position): under synchronous_commit = off the
            // commit record may still sit in WAL buffers, and a standby replayed to the write position lacks the row.
            await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()", primary);
            Pin(reader, (NpgsqlLogSequenceNumber)(await cmd.ExecuteScalarAsync(ct))!);
        }
        catch (NpgsqlException)
        {
            // The write committed; without its position, keep the reader on the primary for the whole window.
            Pin(reader, new NpgsqlLogSequenceNumber(ulong.MaxValue));
        }
    }

    /// <summary>Reads of <paramref name="reader"/> go to the primary until the standby has replayed <paramref name="lsn"/>.</summary>
    public void Pin(string reader, NpgsqlLogSequenceNumber lsn) =>
        _pins[reader] = (lsn, time.GetUtcNow() + options.Value.ReadYourWrites);

    private bool Pinned(string? reader)
    {
        if (reader is null || !_pins.TryGetValue(reader, out var pin)) return false;
        var status = monitor.Status;
        var replayed = status.Reachable && (!status.InRecovery || status.ReplayLsn >= pin.Lsn);
        if (!replayed && time.GetUtcNow() < pin.Until) return true;
        _pins.TryRemove(new KeyValuePair<string, (NpgsqlLogSequenceNumber, DateTimeOffset)>(reader, pin));
        return false;
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentReader.Value = previous;
    }
}
