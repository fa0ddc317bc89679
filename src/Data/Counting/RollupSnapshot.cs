using System.Globalization;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>
/// The start every read of exact counts from the rollups shares (the count's cube, the timeline): in its REPEATABLE
/// READ transaction, a statement timeout (past it, the caller's fallback) and no JIT, then the watermark's snapshot.
/// </summary>
internal static class RollupSnapshot
{
    /// <summary>
    /// Sets the limits in <paramref name="tx"/> and reads the first row of <paramref name="sql"/> (the watermark's
    /// snapshot and whatever else the caller needs from it, for rollups counted in the days of zone <c>@tz</c> =
    /// <paramref name="zoneId"/>); null when it has no row (no refresh yet, or the rollups await their rebuild in a new zone).
    /// </summary>
    public static async Task<T?> ReadAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, TimeSpan timeout, string sql, string zoneId,
        Func<NpgsqlDataReader, T> read, CancellationToken ct) where T : struct
    {
        var ms = ((long)Math.Max(1, timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SET LOCAL statement_timeout = {ms}"),
                // The planner cannot know how few rows past the snapshot's xmin there are until it sees the value;
                // JIT compiling for a wrong guess once took 2.9 s of a 3.2 s count at 20M rows.
                new NpgsqlBatchCommand("SET LOCAL jit = off"),
                new NpgsqlBatchCommand(sql) { Parameters = { new(Rollups.RollupDay.ZoneParameter, zoneId) } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ShortStatement.Token(ct));
        return await reader.ReadAsync(ShortStatement.Token(ct)) ? read(reader) : (T?)null;
    }
}
