using Admin.Data.Entities;
using Npgsql;

namespace Admin.Cli.Bench;

/// <summary>Rows a bench writes: INSERT … SELECT copies of existing HealthChecks, every inserted column copied unless overridden.</summary>
internal static class BenchRows
{
    public static string Copy(string where, IReadOnlyDictionary<string, string> overrides) => $"""
        INSERT INTO health_checks ({string.Join(", ", HealthCheckColumns.Table.InsertedNames.Select(Quoted))})
        SELECT {string.Join(", ", HealthCheckColumns.Table.InsertedNames.Select(n => overrides.GetValueOrDefault(n, Quoted(n))))}
        FROM health_checks WHERE {where}
        """;

    /// <summary>Deletes the rows a bench wrote, found by the prefix of their deduplication ids; returns how many.</summary>
    public static async Task<int> RemoveAsync(NpgsqlDataSource dataSource, string tag, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM health_checks WHERE deduplication_id LIKE $1");
        cmd.CommandTimeout = 600;
        cmd.Parameters.AddWithValue(tag + "%");
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Vacuums health_checks after a bench removed its rows, index entries included: a plain VACUUM skips the indexes
    /// when the dead rows sit on under 2 % of the pages (a bench's always do), and the grid's first page and the feed's
    /// end then walk over their entries (at 50M: 716 buffers instead of ~7, 17 ms on a new connection; docs/scale.md).
    /// </summary>
    public static async Task VacuumAsync(NpgsqlDataSource dataSource)
    {
        await using var vacuum = dataSource.CreateCommand("VACUUM (INDEX_CLEANUP ON) health_checks");
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string Quoted(string name) => "\"" + name + "\"";
}
