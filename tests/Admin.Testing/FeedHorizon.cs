namespace Admin.Testing;

/// <summary>
/// The change feed serves rows only below the oldest transaction still running anywhere on the server (README, "API").
/// Test classes run in parallel on one server, so another class's open transaction can hold back rows a test just
/// wrote: a test waits for the horizon to pass its writes before reading the feed.
/// </summary>
public static class FeedHorizon
{
    /// <summary>Waits until every transaction that had begun by now has ended (fails after <paramref name="timeout"/>).</summary>
    public static async Task WaitAsync(this TestDatabase db, TimeSpan? timeout = null)
    {
        var now = await db.ScalarAsync<long>("SELECT pg_current_xact_id()::text::numeric::bigint");
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (await db.ScalarAsync<long>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::numeric::bigint") <= now)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("A transaction on the test server stayed open for a minute: the feed horizon did not move.");
            await Task.Delay(20);
        }
    }
}
