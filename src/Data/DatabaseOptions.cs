namespace Admin.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Falls back to ConnectionStrings:Admin.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// A hot standby for reads that tolerate replica lag (falls back to ConnectionStrings:AdminRead; empty: the primary
    /// serves every read).
    /// </summary>
    public string ReadConnectionString { get; set; } = "";

    /// <summary>
    /// A connection past any pooler, for session advisory locks (rollup refresh, export job leases). Falls back to
    /// ConnectionStrings:AdminDirect, then to the primary's string: set it when that one goes through PgBouncer.
    /// </summary>
    public string DirectConnectionString { get; set; } = "";

    /// <summary>
    /// The primary's and the read source's strings go through a transaction-mode pooler (PgBouncer), which refuses
    /// startup options: <see cref="StatementTimeout"/> is then the role's setting (ALTER ROLE ... SET statement_timeout).
    /// </summary>
    public bool TransactionPooling { get; set; }

    /// <summary>
    /// Server-side limit for every statement the app sends (defence in depth: no request may run long).
    /// Zero means none, for CLI verbs that build indexes or load data.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connections to the primary (and to the read source) that the web host opens and warms at start-up
    /// (<see cref="Routing.PoolWarmup"/>), and the pool's minimum size, so they stay open; 0: none. A connection
    /// string's own Minimum Pool Size wins.
    /// </summary>
    public int WarmConnections { get; set; } = 4;

    /// <summary>
    /// How long a pooled connection to the primary or the read source may sit idle before the pool closes it (Npgsql's
    /// default is 5 minutes). Under bursty load Npgsql's pruning closed ~20 connections at once every 5 minutes and the
    /// next burst opened 32 new ones, each a fresh PostgreSQL backend paying its catalog caches: a stall of seconds for
    /// every user (README, "Sixth series"). A connection string's own Connection Idle Lifetime wins.
    /// </summary>
    public TimeSpan ConnectionIdleLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The most connections the pool to the primary (and to the read source) opens; 0: Npgsql's default (100). A
    /// connection string's own Maximum Pool Size wins. Two cores run no more than a few statements at once, so more
    /// connections only queue inside PostgreSQL; and past the pool's size, a hiccup under load made the pool open
    /// dozens of new backends at once (each a fork with cold catalog caches) while the app's thread pool grew: at 500
    /// users two in three runs collapsed for 10-20 s at the ramp's end, none with a pool of 24 (README, "Eleventh
    /// series"). Beyond the limit a request waits for a connection in Npgsql's queue (Timeout, 15 s by default). As
    /// PgBouncer's default_pool_size in deploy/, sized per node: raise it with the database's cores.
    /// </summary>
    public int MaxConnections { get; set; } = 24;

    /// <summary>Statements at least this slow are listed on the Performance page and counted in admin.db.slow_statements.</summary>
    public int SlowStatementMs { get; set; } = 250;

    /// <summary>The limit for an EXPLAIN an Admin asks for on the Performance page.</summary>
    public TimeSpan ExplainTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
