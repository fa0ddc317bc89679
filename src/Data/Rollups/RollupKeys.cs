namespace Admin.Data.Rollups;

public static class RollupKeys
{
    /// <summary>Watermark row of the HealthCheck rollups.</summary>
    public const string HealthChecks = "health_checks";

    /// <summary>District code stored for checks with none: a primary key cannot hold NULL, and the totals must still match the base table.</summary>
    public const string NoDistrict = "";

    /// <summary>pg_advisory_xact_lock key: one refresh at a time across every app node ("hotspot" in ASCII).</summary>
    public const long RefreshLockKey = 0x686f7473706f74;
}
