using System.Text.Json;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>The planner's row estimate for a query: EXPLAIN (FORMAT JSON) "Plan Rows", which costs a plan, not a scan.</summary>
public static class PlannerEstimate
{
    public static async Task<long> RowsAsync(NpgsqlConnection conn, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, conn);
        foreach (var p in parameters) cmd.Parameters.Add(p);
        var json = (string)(await cmd.ExecuteScalarAsync(ShortStatement.Token(ct)))!;
        using var doc = JsonDocument.Parse(json);
        return (long)doc.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }
}
