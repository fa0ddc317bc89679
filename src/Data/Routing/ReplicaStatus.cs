using NpgsqlTypes;

namespace Admin.Data.Routing;

/// <summary>What the last probe of the standby found, as this node sees it.</summary>
/// <param name="Configured">A read source is configured at all.</param>
/// <param name="Reachable">The last probe answered in time.</param>
/// <param name="Lag">How far replay trails the primary in time (zero when it has replayed everything the primary wrote); null when unknown.</param>
/// <param name="ReplayLsn">The standby's replay position; a promoted standby reports its own write position.</param>
/// <param name="InRecovery">False once the read source is a primary itself (after a promotion).</param>
public sealed record ReplicaStatus(bool Configured, bool Reachable, TimeSpan? Lag, NpgsqlLogSequenceNumber ReplayLsn, bool InRecovery,
    DateTimeOffset ObservedAt, string? Problem)
{
    public static readonly ReplicaStatus NotConfigured = new(false, false, null, default, false, default, null);

    public static ReplicaStatus Unknown(DateTimeOffset at) => new(true, false, null, default, true, at, "not probed yet");

    /// <summary>Whether reads may go to the standby: it answers and trails by no more than <paramref name="maxLag"/>.</summary>
    public bool Serves(TimeSpan maxLag) => Configured && Reachable && Lag is { } lag && lag <= maxLag;

    /// <summary>One line for a page or a health entry.</summary>
    public string Describe(TimeSpan maxLag) =>
        !Configured ? "no standby configured: every read goes to the primary"
        : !Reachable ? $"standby unreachable ({Problem}): reads go to the primary"
        : !InRecovery ? "the read source is a primary (promoted): reads go there"
        : Lag is not { } lag ? "standby lag unknown: reads go to the primary"
        : lag > maxLag ? $"standby {Seconds(lag)} behind (over {Seconds(maxLag)}): reads go to the primary"
        : $"standby {Seconds(lag)} behind, serving reads (replayed to {ReplayLsn})";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
