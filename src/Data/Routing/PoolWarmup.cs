using System.Diagnostics;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Routing;

/// <summary>
/// At start-up, opens <see cref="DatabaseOptions.WarmConnections"/> connections to the primary and to the read source
/// and runs every list's first pages on each (unfiltered and per choice filter), then leaves them in the pool, whose
/// minimum size keeps them open. A new PostgreSQL backend pays for its first statements (catalog and statistics
/// caches, first planning): the grid's first page took 27-34 ms at 50M rows on a new connection against 1-2 ms on a
/// used one. Without this the first users after a restart pay it; with it, the warm-up does. In the background:
/// start-up does not wait for it.
/// </summary>
public sealed class PoolWarmup(AdminDataSources sources, TableRegistry tables, IOptions<DatabaseOptions> options, ILogger<PoolWarmup> logger)
    : BackgroundService
{
    /// <summary>Rows of the first window the warm-up reads: what a grid asks for first.</summary>
    private const int FirstWindow = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = options.Value.WarmConnections;
        if (count <= 0) return;
        foreach (var (name, source) in new[] { ("primary", sources.Primary), ("read", sources.Replica) })
        {
            if (source is null) continue;
            try
            {
                var elapsed = await WarmAsync(source, count, tables, stoppingToken);
                logger.LogInformation("Warmed {Count} {Source} connections (every list's first pages on each) in {Ms:0} ms.",
                    count, name, elapsed.TotalMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Only an optimisation: whatever stops it (an unreachable database, a list it cannot build) must not stop the app.
                logger.LogWarning("The {Source} connections were not warmed ({Message}); the first requests open their own.", name, ex.Message);
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="count"/> connections, holding all of them at once so that each is a different backend, runs
    /// every list's first pages on each, and returns them to the pool. Also what `bench --warm-pool` runs.
    /// </summary>
    public static async Task<TimeSpan> WarmAsync(NpgsqlDataSource source, int count, TableRegistry tables, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var pages = tables.All.SelectMany(t => t.Apply(new FirstPages())).ToList();
        var opening = Enumerable.Range(0, count).Select(_ => source.OpenConnectionAsync(ct).AsTask()).ToList();
        try
        {
            var connections = await Task.WhenAll(opening);
            await Task.WhenAll(connections.Select(c => RunAsync(c, pages, ct)));
        }
        finally
        {
            foreach (var task in opening)
                if (task.IsCompletedSuccessfully) await task.Result.DisposeAsync();
        }
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task RunAsync(NpgsqlConnection connection, IReadOnlyList<(string Sql, SqlParameters Parameters)> pages, CancellationToken ct)
    {
        foreach (var (sql, parameters) in pages)
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            cmd.Parameters.AddRange(parameters.Clone());
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) { }
        }
    }

    /// <summary>
    /// A list's first window as the grid sends it when it opens, then once per choice filter with its first choice, so a
    /// first filter finds the statistics of its column loaded too (cold, with the first pages alone: 17-25 ms).
    /// </summary>
    private sealed class FirstPages : ITableOperation<IEnumerable<(string Sql, SqlParameters Parameters)>>
    {
        public IEnumerable<(string Sql, SqlParameters Parameters)> Run<T>(TableDefinition<T> definition) where T : class
        {
            IEnumerable<KeyValuePair<string, string?>>[] queries =
            [
                [],
                .. definition.Filters.Where(f => f.Kind == FilterKind.Choice && f.Choices.Count > 0)
                    .Select(f => new[] { new KeyValuePair<string, string?>(f.Name, f.Choices[0].Value) }),
            ];
            foreach (var query in queries)
            {
                var parameters = new SqlParameters();
                yield return (WindowSql.Build(ListQueryParser.Parse(definition, query), WindowRequest.Start(FirstWindow), parameters), parameters);
            }
        }
    }
}
