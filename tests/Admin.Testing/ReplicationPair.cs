using Npgsql;

namespace Admin.Testing;

/// <summary>
/// The small primary and its streaming hot standby that `./admin.sh test` starts for the read-routing tests
/// (ADMIN_TEST_PG_PRIMARY, ADMIN_TEST_PG_STANDBY; scripts/lib/replication.sh). A database created on the primary
/// (<see cref="TestDatabase.CreateOnAsync"/>) appears on the standby under the same name.
/// </summary>
public static class ReplicationPair
{
    public static string Primary => Setting("ADMIN_TEST_PG_PRIMARY");
    public static string Standby => Setting("ADMIN_TEST_PG_STANDBY");

    /// <summary>A migrated database on the primary, once the standby has replayed its creation.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var db = await TestDatabase.CreateOnAsync(Primary);
        await WaitForReplayAsync(db);
        return db;
    }

    /// <summary>Waits until the standby has replayed everything the primary has written so far.</summary>
    public static async Task WaitForReplayAsync(TestDatabase db, TimeSpan? timeout = null)
    {
        var lsn = await db.ScalarAsync<NpgsqlTypes.NpgsqlLogSequenceNumber>("SELECT pg_current_wal_lsn()");
        await using var standby = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Standby) { Pooling = false }.ConnectionString);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var cmd = standby.CreateCommand("SELECT pg_last_wal_replay_lsn()");
            if ((NpgsqlTypes.NpgsqlLogSequenceNumber)(await cmd.ExecuteScalarAsync())! >= lsn) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The test standby did not replay {lsn} within a minute.");
            await Task.Delay(20);
        }
    }

    /// <summary>Runs SQL on the standby's server (e.g. pausing replay).</summary>
    public static async Task OnStandbyAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Standby) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException(
            $"{name} is not set. Run the tests with ./admin.sh test, which starts a primary and a streaming standby for them " +
            "(scripts/lib/replication.sh), or point ADMIN_TEST_PG_PRIMARY and ADMIN_TEST_PG_STANDBY at such a pair.");
}
