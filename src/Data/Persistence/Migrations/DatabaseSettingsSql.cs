namespace Admin.Data.Persistence.Migrations;

/// <summary>Settings of the database itself, for every session on it, whatever connects (app, pooler, verbs, standby).</summary>
public static class DatabaseSettingsSql
{
    /// <summary>
    /// No JIT compilation of queries. Its threshold is a planner cost, and an estimate over it (the 5-digit phone
    /// contains-search at 20M rows: 671 matches, estimated 100,002) spent ~20 ms compiling and ~100 ms in all on a query
    /// that runs in 17 ms. Interactive queries run in milliseconds; the longest, the rollups' full rebuild, ran no faster
    /// with it (20M: 45.3 s on, 44.1 s off).
    /// A role that migrates but does not own the database gets a warning naming the statement for its owner, not a failed
    /// migration.
    /// </summary>
    public static readonly string JitOff = AlterDatabase("SET jit = off");

    public static readonly string JitReset = AlterDatabase("RESET jit");

    /// <summary>ALTER DATABASE (the current one) <paramref name="clause"/>, or a warning when the role may not.</summary>
    private static string AlterDatabase(string clause) => $"""
        DO $$ BEGIN
            EXECUTE format('ALTER DATABASE %I {clause}', current_database());
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'not applied: run ALTER DATABASE % {clause} as the database owner', current_database();
        END $$
        """;
}
