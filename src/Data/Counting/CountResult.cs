namespace Admin.Data.Counting;

public enum CountSource
{
    /// <summary>count(*) finished within its time limit.</summary>
    Exact,
    /// <summary>EXPLAIN's row estimate for the filtered query.</summary>
    Planner,
    /// <summary>Table statistics (reltuples scaled to the current size), for an unfiltered list.</summary>
    Statistics,
    /// <summary>The rollups as of their last refresh plus the rows committed since: exact and current (RollupCounter).</summary>
    Rollups,
}

/// <summary>How many rows a list has, and whether that is a count or an estimate: the UI must say which.</summary>
public sealed record CountResult(long Value, CountSource Source)
{
    public bool IsExact => Source is CountSource.Exact or CountSource.Rollups;
}
