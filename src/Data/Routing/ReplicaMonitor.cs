using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Routing;

/// <summary>
/// Probes the standby every <see cref="ReadRoutingOptions.ProbeInterval"/>: how far it has replayed, compared with the
/// primary's write position. <see cref="ReadRouting"/> sends reads there only while the last probe says it is
/// reachable and current; the health entry and the Admin overview show the same status.
/// </summary>
public sealed class ReplicaMonitor(AdminDataSources sources, IOptions<ReadRoutingOptions> options, TimeProvider time, ILogger<ReplicaMonitor> logger)
    : BackgroundService
{
    // The standby's replay position and how old its last replayed commit is; a promoted standby is not in recovery.
    private const string StandbySql = """
        SELECT pg_is_in_recovery(),
               CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END,
               extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8
        """;

    private volatile ReplicaStatus _status = sources.Replica is null ? ReplicaStatus.NotConfigured : ReplicaStatus.Unknown(time.GetUtcNow());

    private (NpgsqlLogSequenceNumber Lsn, DateTimeOffset At)? _previous;

    public ReplicaStatus Status => _status;

    public TimeSpan MaxLag => options.Value.MaxLag;

    /// <summary>Called when a read could not open a standby connection: no more reads go there until a probe succeeds.</summary>
    public void MarkUnreachable(string problem) =>
        _status = _status with { Reachable = false, Problem = problem, ObservedAt = time.GetUtcNow() };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (sources.Replica is null) return;
        using var timer = new PeriodicTimer(options.Value.ProbeInterval, time);
        do
        {
            await ProbeAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One probe; the new status is also returned (tests call this directly).</summary>
    public async Task<ReplicaStatus> ProbeAsync(CancellationToken ct = default)
    {
        if (sources.Replica is not { } replica) return _status;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        var was = _status;
        try
        {
            // The primary's position first, then the standby's: a standby that keeps up has replayed at least that
            // far by the time it answers, so it reads as caught up rather than one round trip behind.
            var written = await PrimaryLsnAsync(ct);
            await using var cmd = replica.CreateCommand(StandbySql);
            await using var reader = await cmd.ExecuteReaderAsync(timeout.Token);
            await reader.ReadAsync(timeout.Token);
            var inRecovery = reader.GetBoolean(0);
            var replayed = reader.IsDBNull(1) ? default : reader.GetFieldValue<NpgsqlLogSequenceNumber>(1);
            double? replayAge = reader.IsDBNull(2) ? null : reader.GetDouble(2);
            await reader.DisposeAsync();

            // Caught up (or promoted): no lag, however long ago the last commit was. Behind: the age of the last
            // commit it replayed is how stale its answers can be, but no more than since the primary's position seen by
            // the previous probe if it has replayed that (after an idle spell the last commit is old, yet replay is current).
            var now = time.GetUtcNow();
            TimeSpan? lag = !inRecovery || (written is { } w && replayed >= w) ? TimeSpan.Zero
                : replayAge is { } age ? TimeSpan.FromSeconds(Math.Max(0, age))
                : null;
            if (lag > TimeSpan.Zero && _previous is { } p && replayed >= p.Lsn && now - p.At < lag) lag = now - p.At;
            if (written is { } seen) _previous = (seen, now);
            _status = new ReplicaStatus(true, true, lag, replayed, inRecovery, now, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            _status = new ReplicaStatus(true, false, null, was.ReplayLsn, was.InRecovery, time.GetUtcNow(),
                ex is OperationCanceledException ? "no answer in time" : "connection failed");
            if (was.Reachable) logger.LogWarning(ex, "The standby stopped answering; reads go to the primary until it does.");
        }
        if (!was.Reachable && _status.Reachable && was.Problem is not "not probed yet")
            logger.LogInformation("The standby answers again: {Status}", _status.Describe(options.Value.MaxLag));
        return _status;
    }

    /// <summary>Waits until the standby has replayed <paramref name="lsn"/> (true), or <paramref name="timeout"/> passes (false).</summary>
    public async Task<bool> WaitForReplayAsync(NpgsqlLogSequenceNumber lsn, TimeSpan timeout, CancellationToken ct = default)
    {
        if (sources.Replica is null) return true;
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var status = await ProbeAsync(ct);
            if (status.Reachable && (!status.InRecovery || status.ReplayLsn >= lsn)) return true;
            if (time.GetUtcNow() >= deadline) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct);
        }
    }

    // The primary may be down while the standby answers (a failover under way): then replay cannot be compared, and the
    // age of the last replayed commit decides.
    private async Task<NpgsqlLogSequenceNumber?> PrimaryLsnAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.Value.ProbeTimeout / 2);
        var ct = timeout.Token;
        try
        {
            await using var cmd = sources.Primary.CreateCommand("SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_insert_lsn() END");
            var value = await cmd.ExecuteScalarAsync(ct);
            return value is NpgsqlLogSequenceNumber lsn ? lsn : null;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !stopping.IsCancellationRequested)
        {
            return null;
        }
    }
}
