using System.Data;
using System.Globalization;
using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// The transaction an export's COPY runs in. The app's connections carry a 5 s statement_timeout
/// (Database:StatementTimeout) that no large export could meet; SET LOCAL replaces it with the export limit for this
/// transaction only, so the pooled connection goes back with the app's limit intact, and an export still cannot run
/// for ever. Output settings are pinned so a file does not depend on server defaults: UTC ISO timestamps, shortest
/// exact floats, and standard_conforming_strings on, which the inlined literals rely on (<see cref="SqlLiterals"/>).
/// </summary>
internal static class ExportSession
{
    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection conn, TimeSpan limit, string? snapshot, CancellationToken ct)
    {
        // Repeatable read: one snapshot for the whole export, which a parallel export shares with its other streams.
        var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var ms = ((long)Math.Max(1, limit.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        var sql = (snapshot is null ? "" : $"SET TRANSACTION SNAPSHOT {SqlLiterals.Quote(snapshot)}; ")
            + "SET TRANSACTION READ ONLY; "
            + $"SET LOCAL statement_timeout = {ms}; "
            + "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'iso_8601'; "
            + "SET LOCAL extra_float_digits = 1; SET LOCAL standard_conforming_strings = on";
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
        return tx;
    }

    /// <summary>Publishes the transaction's snapshot for the other streams of a parallel export (as pg_dump --jobs does).</summary>
    public static async Task<string> ExportSnapshotAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_export_snapshot()", conn, tx);
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Ends a read-only transaction; nothing to keep, and a failure here changes nothing already written.</summary>
    public static async Task EndAsync(NpgsqlTransaction tx)
    {
        try { await tx.RollbackAsync(CancellationToken.None); }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException) { }
    }
}
