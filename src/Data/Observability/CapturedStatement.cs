using Npgsql;

namespace Admin.Data.Observability;

/// <summary>One statement the app sent: its text, duration and masked parameter values.</summary>
public sealed record CapturedStatement(long Id, DateTimeOffset At, string Sql, TimeSpan Duration, IReadOnlyList<string> Parameters, bool Failed)
{
    /// <summary>The real values, kept in memory only so an Admin can EXPLAIN the statement; never rendered.</summary>
    internal NpgsqlParameter[] RawParameters { get; init; } = [];

    /// <summary>Only reads may be explained (EXPLAIN without ANALYZE runs nothing, but there is no need for more).</summary>
    public bool CanExplain => Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        || Sql.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One user-visible operation (a grid fetch, count, search, hotspot snapshot, export...) and the SQL behind it.</summary>
public sealed record Interaction(DateTimeOffset At, string Role, string What, string Detail, TimeSpan Duration, IReadOnlyList<CapturedStatement> Statements, int StatementsDropped, bool Failed);
