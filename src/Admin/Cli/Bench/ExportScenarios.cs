using System.Globalization;
using System.Text.Json;
using Admin.Data.Entities;
using Admin.Data.Exports;
using Admin.Data.Listing;
using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Admin.Cli.Bench;

/// <summary>
/// A direct-download-sized export (the newest week of checks, masked, to a null stream) through the exporter, beside the
/// naive way: EF loads every row into a list, then serialises it. The 20M-row figure is the export verb's job.
/// </summary>
public static class ExportScenarios
{
    public static async Task<IReadOnlyList<BenchScenario>> CreateAsync(IServiceProvider services, CancellationToken ct)
    {
        var exporter = services.GetRequiredService<RecordExporter>();
        var contexts = services.GetRequiredService<IDbContextFactory<AdminDbContext>>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = dataSource.CreateCommand("SELECT max(\"timestamp\") FROM health_checks");
        if (await cmd.ExecuteScalarAsync(ct) is not DateTime newest) return [];

        var zone = services.GetRequiredService<Admin.Data.Time.DisplayTimeZone>();
        var to = zone.DayOf(new DateTimeOffset(DateTime.SpecifyKind(newest, DateTimeKind.Utc)));
        var from = to.AddDays(-6);
        var query = ExportQuery.Parse(AdminTables.Registry, HealthCheckList.Slug,
            $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", zone);
        var rows = await exporter.EstimateAsync(query, ct);
        var (start, end) = (zone.StartOf(from), zone.StartOf(to.AddDays(1)));
        var name = string.Create(CultureInfo.InvariantCulture, $"7 days, ~{rows:N0} rows");

        return
        [
            new("export", $"csv {name}", c => exporter.WriteAsync(query, ExportFormat.Csv, masked: true, Stream.Null, null, c), Naive),
            new("export", $"ndjson {name}", c => exporter.WriteAsync(query, ExportFormat.Ndjson, masked: true, Stream.Null, null, c), null),
        ];

        async Task Naive(CancellationToken c)
        {
            await using var db = await contexts.CreateDbContextAsync(c);
            var list = await db.HealthChecks.AsNoTracking().Where(h => h.Timestamp >= start && h.Timestamp < end)
                .OrderByDescending(h => h.Timestamp).ThenByDescending(h => h.Id).ToListAsync(c);
            foreach (var row in list) HealthCheckList.Definition.MaskPersonalData!(row);
            await JsonSerializer.SerializeAsync(Stream.Null, list, cancellationToken: c);
        }
    }
}
