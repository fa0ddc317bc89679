namespace Admin.Data.Routing;

public sealed class ReadRoutingOptions
{
    public const string Section = "ReadRouting";

    /// <summary>How often each node asks the standby how far it has replayed.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A probe that takes longer counts as the standby being down.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Behind by more than this, the standby serves nothing: every read goes to the primary until it catches up.</summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a user's write, that user's reads go to the primary until the standby has replayed the write's commit (seen
    /// by the probe), for at most this long.
    /// </summary>
    public TimeSpan ReadYourWrites { get; set; } = TimeSpan.FromSeconds(30);
}
