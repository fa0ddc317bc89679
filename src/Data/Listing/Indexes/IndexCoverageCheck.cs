using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Admin.Data.Listing.Indexes;

/// <summary>
/// At startup, checks every list definition against the database's indexes and stops the app, naming the missing
/// index, if a filter, search or ordering is not served. An unreachable database is not a definition error:
/// the readiness probe reports that.
/// </summary>
public sealed class IndexCoverageCheck(NpgsqlDataSource dataSource, TableRegistry tables, ILogger<IndexCoverageCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        try
        {
            foreach (var table in tables.All)
            {
                var indexes = await IndexCatalog.LoadAsync(dataSource, table.Table, cancellationToken);
                if (indexes.Count == 0)
                    problems.Add($"{table.Table}: the table has no indexes (or does not exist). Has the database been migrated? Run: Admin migrate");
                else
                    problems.AddRange(IndexCoverage.Check(table, indexes));
            }
        }
        catch (NpgsqlException ex)
        {
            logger.LogWarning("Index coverage not checked: the database is unreachable ({Message}).", ex.Message);
            return;
        }
        if (problems.Count == 0) return;
        var loads = await PendingBulkLoadsAsync(cancellationToken);
        throw new InvalidOperationException("List definitions offer what no index serves:\n  " + string.Join("\n  ", problems)
            + (loads.Count == 0 ? "" : $"\nA bulk load into {string.Join(", ", loads)} is building its indexes, or was interrupted while it did: wait for it to finish, or run `Admin seed` (it undoes an interrupted load first)."));
    }

    // A load between its heap's commit and its last index (Bulk.BulkRecoverySql): the likely cause, named.
    private async Task<List<string>> PendingBulkLoadsAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var exists = new NpgsqlCommand(Bulk.BulkRecoverySql.Exists, conn);
        var loads = new List<string>();
        if (await exists.ExecuteScalarAsync(ct) is not true) return loads;
        await using var cmd = new NpgsqlCommand(Bulk.BulkRecoverySql.Pending, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) loads.Add(reader.GetString(0));
        return loads;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
