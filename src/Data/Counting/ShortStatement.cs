namespace Admin.Data.Counting;

/// <summary>
/// The cancellation token a statement under a short limit runs with (a count's 50 ms, the rollups' 500 ms, a plan's
/// estimate): none once it is sent. Npgsql cancels a running statement by opening a second connection to PostgreSQL
/// (a process forked there, a thread of the app blocked until it closes), and PostgreSQL interrupts whatever that
/// connection runs when it arrives, which may be its next statement, another user's. At 500 users that was ~3 cancel
/// requests a second, for superseded counts and timelines, and nearly all arrived after their statement had ended
/// (README, "Twentieth series"). Such a statement costs less finished than cancelled: the caller's token still stops
/// the wait for a connection and every statement not yet sent, and the caller drops the result.
/// </summary>
internal static class ShortStatement
{
    /// <summary>Throws when the caller has given up; otherwise no token, so that nothing cancels the statement under way.</summary>
    public static CancellationToken Token(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return CancellationToken.None;
    }
}
