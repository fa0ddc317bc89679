namespace Admin.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Falls back to ConnectionStrings:Admin.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Server-side limit for every statement the app sends (defence in depth: no request may run long).
    /// Zero means none, for CLI verbs that build indexes or load data.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Statements at least this slow are listed on the Performance page and counted in admin.db.slow_statements.</summary>
    public int SlowStatementMs { get; set; } = 250;

    /// <summary>The limit for an EXPLAIN an Admin asks for on the Performance page.</summary>
    public TimeSpan ExplainTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
