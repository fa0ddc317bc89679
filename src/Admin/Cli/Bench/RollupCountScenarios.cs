using System.Globalization;
using Admin.Data.Counting;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Npgsql;
using Spectre.Console;

namespace Admin.Cli.Bench;

/// <summary>
/// The count label for a dozen of the grid's filter combinations, side by side with count(*) and EXPLAIN's estimate.
/// Before timing, one pass prints each filter's label, count(*) and estimate (and whether label and count agree):
/// the planner's error table, and the check that the label is exact. Then the label, all facets of a filter from one
/// cube, and count(*) are timed.
/// </summary>
public static class RollupCountScenarios
{
    private static readonly (string, string?)[][] Filters =
    [
        [],
        [("province", "ZA-GP")],
        [("province", "ZA-GP"), ("risk", "high")],
        [("province", "ZA-WC"), ("risk", "low")],
        [("district", "DC22")],
        [("district", "TSH"), ("risk", "critical")],
        [("risk", "critical")],
        [("risk", "moderate")],
        [("source", "USSD")],
        [("province", "ZA-GP"), ("risk", "low"), ("from", "2021-01-01"), ("to", "2021-01-31")],
        [("district", "JHB"), ("from", "2021-06-15"), ("to", "2021-09-02")],
        [("source", "WhatsApp"), ("from", "2020-12-24")],
        [("from", "2021-03-03"), ("to", "2021-03-09")],
    ];

    public static async Task<IReadOnlyList<BenchScenario>> CreateAsync(IServiceProvider services, CancellationToken ct)
    {
        var counter = services.GetRequiredService<RowCounter>();
        var rollups = services.GetRequiredService<RollupCounter>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var zone = services.GetRequiredService<Admin.Data.Time.DisplayTimeZone>();
        ListQuery<HealthCheck> Q((string, string?)[] ps) =>
            ListQueryParser.Parse(HealthCheckList.Definition, ps.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2)), zone: zone);
        static string Name((string, string?)[] ps) => ps.Length == 0 ? "unfiltered" : string.Join("&", ps.Select(p => p.Item1 + "=" + p.Item2));

        var table = new Table().Border(TableBorder.Simple).AddColumns("filter", "label", "count(*)", "label = count(*)", "EXPLAIN estimate", "estimate / count");
        var list = new List<BenchScenario>();
        foreach (var filter in Filters)
        {
            var query = Q(filter);
            var label = await counter.CountAsync(query, ct);
            var exact = await CountStarAsync(dataSource, query, ct);
            var estimate = await EstimateAsync(dataSource, query, ct);
            table.AddRow(Name(filter), (label.IsExact ? "" : "about ") + label.Value.ToString("N0", CultureInfo.InvariantCulture) + $" ({label.Source})",
                exact.ToString("N0", CultureInfo.InvariantCulture), label.Value == exact ? "yes" : "NO",
                estimate.ToString("N0", CultureInfo.InvariantCulture), exact == 0 ? "-" : (estimate / (double)exact).ToString("0.00", CultureInfo.InvariantCulture));
            list.Add(new("rollcount", "count label, " + Name(filter), c => counter.CountAsync(query, c), c => CountStarAsync(dataSource, query, c)));
        }
        AnsiConsole.Write(table);

        // Every facet of the grid's filters under a filter, from one cube, as the filter bar needs them.
        var facetQuery = Q([("province", "ZA-GP"), ("risk", "high")]);
        list.Add(new("rollcount", "facets of all filters, province&risk", async c =>
        {
            var cube = await rollups.CubeAsync(facetQuery, c) ?? throw new InvalidOperationException("No rollups: run `rollups` first.");
            var filters = RollupCounter.Filters(facetQuery);
            foreach (var column in RollupCube.Columns) cube.Facet(column, filters);
        }));
        return list;
    }

    private static async Task<long> CountStarAsync(NpgsqlDataSource dataSource, ListQuery<HealthCheck> query, CancellationToken ct)
    {
        var ps = new SqlParameters();
        var where = query.WhereSql(ps);
        await using var cmd = dataSource.CreateCommand("SELECT count(*) FROM health_checks" + (where.Length > 0 ? " WHERE " + where : ""));
        cmd.CommandTimeout = 0;
        cmd.Parameters.AddRange(ps.List.ToArray());
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> EstimateAsync(NpgsqlDataSource dataSource, ListQuery<HealthCheck> query, CancellationToken ct)
    {
        var ps = new SqlParameters();
        var where = query.WhereSql(ps);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await PlannerEstimate.RowsAsync(conn, "SELECT 1 FROM health_checks" + (where.Length > 0 ? " WHERE " + where : ""), ps.List, ct);
    }
}
