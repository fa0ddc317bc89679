using Admin.Testing;

namespace Admin.Data.Tests.Exports;

/// <summary>What the server is running for a test database, from pg_stat_activity.</summary>
public static class ServerActivity
{
    /// <summary>Active COPY statements in the database (not this session's own query).</summary>
    public static Task<long> ActiveCopiesAsync(TestDatabase db, bool waitingOnLock = false) =>
        db.ScalarAsync<long>($"""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state = 'active' AND query LIKE 'COPY (SELECT%'
            {(waitingOnLock ? "AND wait_event_type = 'Lock'" : "")}
            """);

    /// <summary>Polls until <paramref name="condition"/> holds, or fails after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited {seconds} s for: {what}.");
            await Task.Delay(50);
        }
    }
}
