using System.CommandLine;
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
    private static readonly Option<long> Rows = CommandArgs.Whole("--rows", "HealthChecks to generate.", 1_000_000, 0, 2_000_000_000);
    private static readonly Option<long> Seed = CommandArgs.Whole("--seed", "Random seed; the same seed regenerates the same rows.", 42, int.MinValue, int.MaxValue);
    private static readonly Option<long?> VaccineRows = CommandArgs.OptionalWhole("--vaccine-rows", "Vaccine registrations to generate (default: a twentieth of --rows).", 0, 1_000_000_000);
    private static readonly Option<bool> IfEmpty = CommandArgs.Flag("--if-empty", "Only when the table is empty.");
    private static readonly Option<string> Mode = CommandArgs.Choice("--mode", "How to load: auto, bulk or incremental.", "auto", "auto", "bulk", "incremental");
    private static readonly Option<string> Copy = CommandArgs.Choice("--copy", "COPY writer: encoded or importer.", "encoded", "encoded", "importer");
    private static readonly Option<string?> MaintenanceWorkMem = CommandArgs.Text("--maintenance-work-mem", "maintenance_work_mem for the index builds, e.g. 3GB (default: sized from the rows).", "SIZE");
    private static readonly Option<long?> MaintenanceWorkers = CommandArgs.OptionalWhole("--maintenance-workers", "Parallel workers per index build (default: 2 with one index session, none with two).", 0, 64);
    private static readonly Option<long> IndexSessions = CommandArgs.Whole("--index-sessions", "Sessions building a load's indexes into an empty table at once (1: all in the load's transaction).", 2, 1, 2);
    private static readonly Option<bool> NoWalCompression = CommandArgs.Flag("--no-wal-compression", "Do not lz4-compress the bulk transaction's WAL.");

    public static Verb Verb { get; } = new(
        new Command("seed", "Generate realistic, deterministic HealthChecks and load them with binary COPY.")
            { Rows, Seed, VaccineRows, IfEmpty, Mode, Copy, MaintenanceWorkMem, MaintenanceWorkers, IndexSessions, NoWalCompression },
        RunAsync);

    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        var rows = args.Get(Rows);
        var options = new BulkLoadOptions
        {
            Rows = rows,
            Seed = (int)args.Get(Seed),
            VaccineRows = args.Get(VaccineRows),
            IfEmpty = args.Get(IfEmpty),
            Mode = ParseMode(args.Get(Mode)),
            MaintenanceWorkMem = args.Get(MaintenanceWorkMem),
            MaintenanceWorkers = (int?)args.Get(MaintenanceWorkers),
            IndexSessions = (int)args.Get(IndexSessions),
            CompressWal = !args.Get(NoWalCompression),
            CopyPath = args.Get(Copy).Equals("importer", StringComparison.OrdinalIgnoreCase) ? CopyPath.Importer : CopyPath.Encoded,
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

        foreach (var table in result.Recovered)
            AnsiConsole.MarkupLineInterpolated($"[yellow]Recovered:[/] an earlier load into {table} was interrupted while indexing; the table was emptied and its indexes restored first.");
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
            if (t.IndexBuilds.Count > 0)
                Console.WriteLine("  index builds: " + string.Join(", ", t.IndexBuilds.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Name} {b.Seconds:F1} s"))));
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

    private static BulkLoadMode ParseMode(string text) => text.ToLowerInvariant() switch
    {
        "auto" => BulkLoadMode.Auto,
        "bulk" => BulkLoadMode.Bulk,
        "incremental" => BulkLoadMode.Incremental,
        _ => throw new FormatException($"--mode must be auto, bulk or incremental; got '{text}'."),
    };

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
