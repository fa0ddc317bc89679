using Npgsql;

namespace Admin.Data.Observability;

/// <summary>
/// How old the hotspot rollups are: now minus the watermark's <c>refreshed_at</c> (the moment the rollups last matched
/// the base table). Kept from the last refresh this node ran or the last read of the watermark, so the
/// <c>admin.rollup.staleness</c> gauge never queries the database from a metrics callback.
/// </summary>
public static class RollupFreshness
{
    private const string Sql = "SELECT refreshed_at FROM rollup_watermarks WHERE name = 'health_checks'";
    private static long _refreshedAtTicks; // UTC ticks; 0 = unknown

    public static DateTimeOffset? RefreshedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _refreshedAtTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public static void Observe(DateTimeOffset refreshedAt)
    {
        var ticks = refreshedAt.UtcTicks;
        long seen;
        do seen = Interlocked.Read(ref _refreshedAtTicks);
        while (ticks > seen && Interlocked.CompareExchange(ref _refreshedAtTicks, ticks, seen) != seen);
    }

    /// <summary>Reads the watermark (one indexed row); null when the rollups were never built.</summary>
    public static async Task<DateTimeOffset?> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(Sql);
        if (await cmd.ExecuteScalarAsync(ct) is not DateTime at) return null;
        var value = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        Observe(value);
        return value;
    }
}
