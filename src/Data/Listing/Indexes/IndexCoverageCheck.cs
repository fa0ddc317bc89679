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
        if (problems.Count > 0)
            throw new InvalidOperationException("List definitions offer what no index serves:\n  " + string.Join("\n  ", problems));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
