using System.Globalization;
using Admin.Data;
using Admin.Data.Bulk;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;

namespace Admin.Cli;

/// <summary>
/// <c>seed --rows N [--seed S] [--if-empty] [--vaccine-rows N]</c>: generate demo data and load it with binary COPY
/// (<see cref="BulkLoader"/>), with a progress bar and the load's figures at the end. Tuning, rarely needed:
/// <c>[--mode auto|bulk|incremental] [--copy encoded|importer] [--maintenance-work-mem 3GB] [--maintenance-workers 2] [--no-wal-compression]</c>.
/// </summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        var rows = args.Long("rows", 1_000_000, 0, 2_000_000_000);
        var options = new BulkLoadOptions
        {
            Rows = rows,
            Seed = (int)args.Long("seed", 42, int.MinValue, int.MaxValue),
            VaccineRows = args.String("vaccine-rows") is null ? null : args.Long("vaccine-rows", 0, 0, 1_000_000_000),
            IfEmpty = args.Flag("if-empty"),
            Mode = ParseMode(args.String("mode")),
            MaintenanceWorkMem = args.String("maintenance-work-mem"),
            MaintenanceWorkers = (int)args.Long("maintenance-workers", 2, 0, 64),
            CompressWal = !args.Flag("no-wal-compression"),
            CopyPath = args.String("copy")?.ToLowerInvariant() switch
            {
                null or "encoded" => CopyPath.Encoded,
                "importer" => CopyPath.Importer,
                var other => throw new FormatException($"--copy must be encoded or importer; got '{other}'."),
            },
        };
        var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        var loader = new BulkLoader(connectionString);

        BulkLoadResult result;
        try
        {
            result = await AnsiConsole.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(ctx =>
                {
                    var tasks = new Dictionary<(string, BulkLoadStep), ProgressTask>();
                    return loader.LoadAsync(options with { Progress = p => Report(ctx, tasks, p) }, ct);
                });
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled. A bulk load rolls back as a whole; an incremental load keeps only the batches it had committed.");
            return 130;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            await Console.Error.WriteLineAsync($"The database has no schema yet ({ex.MessageText}). Run the migrate verb first.");
            return 1;
        }
        catch (NpgsqlException ex)
        {
            var detail = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $" ({inner.Message})" : "";
            await Console.Error.WriteLineAsync($"Seeding failed: {ex.Message}{detail}. Check ConnectionStrings:Admin and that PostgreSQL is running.");
            return 1;
        }

        foreach (var reason in result.Skipped)
            AnsiConsole.MarkupLineInterpolated($"[yellow]Skipped:[/] {reason}");
        if (result.HealthChecks is null && result.Vaccines is null)
            return 0;

        // Plain lines rather than a table: they survive narrow terminals and logs.
        foreach (var t in new[] { result.HealthChecks, result.Vaccines })
        {
            if (t is null) continue;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                {t.Table}: {t.RowsGenerated:N0} rows generated, {t.RowsWritten:N0} written ({t.Mode})
                  generation + COPY   {t.LoadSeconds,8:F1} s   {t.LoadRowsPerSecond,10:N0} rows/s
                  indexes + keys      {t.IndexSeconds,8:F1} s
                  ANALYZE             {t.AnalyzeSeconds,8:F1} s
                  end to end          {t.TotalSeconds,8:F1} s   {t.EndToEndRowsPerSecond,10:N0} rows/s
                """));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All tables: {result.TotalSeconds:F1} s."));
        return 0;
    }

    private static void Report(ProgressContext ctx, Dictionary<(string, BulkLoadStep), ProgressTask> tasks, BulkLoadProgress p)
    {
        if (!tasks.TryGetValue((p.Table, p.Step), out var task))
        {
            var step = p.Step switch { BulkLoadStep.Copy => "generate + COPY", BulkLoadStep.Indexes => "indexes + keys", _ => "ANALYZE" };
            task = ctx.AddTask($"{p.Table}: {step}", maxValue: Math.Max(1, p.Total));
            tasks[(p.Table, p.Step)] = task;
        }
        task.Value = p.Done;
        if (p.Step == BulkLoadStep.Indexes)
            task.Description = $"{p.Table}: indexes + keys {p.Done}/{p.Total}";
        if (p.Done >= p.Total)
            task.StopTask(); // freezes its elapsed time at the step's own duration
    }

    private static BulkLoadMode ParseMode(string? text) => text?.ToLowerInvariant() switch
    {
        null or "auto" => BulkLoadMode.Auto,
        "bulk" => BulkLoadMode.Bulk,
        "incremental" => BulkLoadMode.Incremental,
        _ => throw new FormatException($"--mode must be auto, bulk or incremental; got '{text}'."),
    };

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
