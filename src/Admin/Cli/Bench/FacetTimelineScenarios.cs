using Admin.Data.Counting;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Npgsql;

namespace Admin.Cli.Bench;

/// <summary>
/// What the records page fetches beside its rows: the count label with every filter's facet counts (one cube, as
/// <c>ListCount</c> does), and the timeline's data; each beside the naive way (count(*) grouped by each facet's
/// column with the other filters, and grouped by day/week/month, over the base table).
/// </summary>
public static class FacetTimelineScenarios
{
    private static readonly (string, string?)[][] Filters =
    [
        [],
        [("province", "ZA-GP"), ("risk", "high")],
        [("district", "TSH")],
        [("source", "USSD")],
        [("province", "ZA-WC"), ("from", "2021-01-01"), ("to", "2021-06-30")],
        [("district", "JHB"), ("risk", "low"), ("from", "2021-06-15"), ("to", "2021-08-31")],
    ];

    public static IReadOnlyList<BenchScenario> Create(IServiceProvider services)
    {
        var counter = services.GetRequiredService<RowCounter>();
        var rollups = services.GetRequiredService<RollupCounter>();
        var timelines = services.GetRequiredService<RollupTimeline>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var zone = services.GetRequiredService<Admin.Data.Time.DisplayTimeZone>();
        ListQuery<HealthCheck> Q((string, string?)[] ps) =>
            ListQueryParser.Parse(HealthCheckList.Definition, ps.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2)), zone: zone);
        static string Name((string, string?)[] ps) => ps.Length == 0 ? "unfiltered" : string.Join("&", ps.Select(p => p.Item1 + "=" + p.Item2));

        var list = new List<BenchScenario>();
        foreach (var filter in Filters)
        {
            var query = Q(filter);
            list.Add(new("facets", "count + facets of all filters, " + Name(filter), async c =>
            {
                var cube = rollups.CubeAsync(query, c);
                await counter.CountAsync(query, cube, c);
                _ = FacetCounts.Of(query, await cube ?? throw new InvalidOperationException("No rollups: run `rollups` first."));
            }, c => NaiveFacetsAsync(dataSource, query, c)));
        }
        foreach (var filter in Filters)
        {
            var query = Q(filter);
            list.Add(new("facets", "timeline, " + Name(filter), async c =>
            {
                _ = await timelines.TryReadAsync(query, c) ?? throw new InvalidOperationException("No rollups: run `rollups` first.");
            }, c => NaiveTimelineAsync(dataSource, query, zone.Id, c)));
        }
        return list;
    }

    // count(*) per option of each faceted filter, with the other filters: one GROUP BY over the table per filter.
    private static async Task NaiveFacetsAsync(NpgsqlDataSource dataSource, ListQuery<HealthCheck> query, CancellationToken ct)
    {
        foreach (var facet in query.Table.Filters.Where(f => f.Facet != Data.Listing.Definitions.FacetDisplay.None && f.Kind == Data.Listing.Definitions.FilterKind.Choice))
        {
            var ps = new SqlParameters();
            var where = new List<string>();
            foreach (var f in query.Filters.Where(f => f.Definition != facet)) where.Add($"\"{f.Definition.Column}\" = {ps.Add(f.Value)}");
            if (query.Dates?.Start is { } from) where.Add($"\"timestamp\" >= {ps.Add(from)}");
            if (query.Dates?.End is { } to) where.Add($"\"timestamp\" < {ps.Add(to)}");
            await using var cmd = dataSource.CreateCommand($"SELECT \"{facet.Column}\", count(*) FROM health_checks{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} GROUP BY 1");
            cmd.CommandTimeout = 0;
            cmd.Parameters.AddRange(ps.List.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) { }
        }
    }

    private static async Task NaiveTimelineAsync(NpgsqlDataSource dataSource, ListQuery<HealthCheck> query, string zone, CancellationToken ct)
    {
        var ps = new SqlParameters();
        var where = query.WhereSql(ps);
        var days = query.Dates is { From: { } f, To: { } t } ? t.DayNumber - f.DayNumber + 1 : int.MaxValue;
        var unit = RollupTimeline.UnitFor(days).ToString().ToLowerInvariant();
        await using var cmd = dataSource.CreateCommand(
            $"SELECT date_trunc('{unit}', \"timestamp\" AT TIME ZONE {ps.Add(zone)}), count(*) FROM health_checks{(where.Length > 0 ? " WHERE " + where : "")} GROUP BY 1");
        cmd.CommandTimeout = 0;
        cmd.Parameters.AddRange(ps.List.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) { }
    }
}
