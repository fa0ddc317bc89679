using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Admin.Data.Audit;
using Admin.Data.Counting;
using Admin.Data.Exports;
using Admin.Data.Listing;
using Admin.Data.Security;
using Microsoft.Extensions.Options;

namespace Admin.Cli;

/// <summary>
/// <c>export --list health-checks --format csv|ndjson --out FILE [--query "province=ZA-GP&amp;risk=high"] [--role Admin|Analyst]
/// [--gzip] [--parallel N]</c>: the background job's export, run in the foreground, with rows/s and peak working set at
/// the end. The query is the records grid's URL query string; --role Analyst writes the masked export an analyst gets.
/// Audited like any export. Measure memory with <c>/usr/bin/time -v</c> around it.
/// </summary>
public static class ExportCommand
{
    private static readonly Option<string?> List = CommandArgs.Text("--list", "The list to export, e.g. health-checks.", "LIST");
    private static readonly Option<string> Format = CommandArgs.Choice("--format", "csv or ndjson.", "csv", "csv", "ndjson");
    private static readonly Option<string?> Out = CommandArgs.Text("--out", "The file to write.", "FILE");
    private static readonly Option<string?> Query = CommandArgs.Text("--query", "The records grid's URL query, e.g. \"province=ZA-GP&risk=high\".", "QUERY");
    private static readonly Option<string?> Role = CommandArgs.Text("--role", "Admin (default, unmasked) or Analyst (masked).", "ROLE");
    private static readonly Option<bool> Gzip = CommandArgs.Flag("--gzip", "Compress the file with gzip.");
    private static readonly Option<long?> Parallel = CommandArgs.OptionalWhole("--parallel", "COPY streams (default: Exports:Parallelism).", 1, 16);

    public static Verb Verb { get; } = new(
        new Command("export", "A background job's export, run in the foreground (audited), with rows/s and peak working set.")
            { List, Format, Out, Query, Role, Gzip, Parallel },
        RunAsync);

    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        var list = args.Get(List) ?? throw new FormatException("--list is required, e.g. --list health-checks.");
        var formatText = args.Get(Format);
        if (!ExportFormats.TryParse(formatText, out var format)) throw new FormatException(ExportFormats.Unknown(formatText));
        var output = args.Get(Out) ?? throw new FormatException("--out FILE is required.");
        var role = args.Get(Role) ?? Roles.Admin;
        if (!Roles.IsKnown(role)) throw new FormatException($"--role must be one of {string.Join(", ", Roles.All)}.");
        if (role == Roles.Manager) throw new FormatException("Managers export aggregates only (the hotspot district table), not records.");

        var configured = services.GetRequiredService<IOptions<ExportOptions>>().Value;
        var options = new ExportOptions
        {
            Parallelism = (int)(args.Get(Parallel) ?? configured.Parallelism),
            ParallelMinRows = configured.ParallelMinRows,
            StatementTimeout = configured.StatementTimeout,
        };
        var exporter = new RecordExporter(services.GetRequiredService<ExportDataSource>(),
            services.GetRequiredService<TableSizeEstimator>(), Options.Create(options));
        var tables = services.GetRequiredService<TableRegistry>();
        ExportQuery query;
        try
        {
            query = ExportQuery.Parse(tables, list, args.Get(Query) ?? "", services.GetRequiredService<Admin.Data.Time.DisplayTimeZone>());
        }
        catch (ListRequestException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var masked = !Roles.SeesPersonalData(role);
        var estimate = await exporter.EstimateAsync(query, ct);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Exporting {list}{(query.QueryString.Length > 0 ? "?" + query.QueryString : "")} as {format.Title()} for role {role} (about {estimate:N0} rows) to {output}…"));

        var progress = new ExportProgress();
        using var stopReporting = new CancellationTokenSource();
        var reporter = ReportAsync(progress, estimate, stopReporting.Token);
        ExportResult result;
        try
        {
            result = await exporter.WriteFileAsync(query, format, masked, Path.GetFullPath(output), args.Get(Gzip), estimate, progress, ct);
        }
        finally
        {
            await stopReporting.CancelAsync();
            await reporter;
        }

        await services.GetRequiredService<AuditLog>().WriteAsync(ExportAudit.Entry(null, "cli:" + Environment.UserName, null, query,
            query.Table, masked, format.Code(), ExportAudit.Cli, ExportJobStatus.Done, result.Rows));

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Exported {result.Rows:N0} rows ({result.Bytes / 1e6:N1} MB{(result.FileBytes != result.Bytes ? $", {result.FileBytes / 1e6:N1} MB on disk" : "")}) in {result.Elapsed.TotalSeconds:0.0} s: " +
            $"{result.RowsPerSecond:N0} rows/s with {result.Streams} COPY stream(s); peak working set {self.PeakWorkingSet64 / 1e6:N0} MB; " +
            $"load average {LoadAverage()}."));
        return 0;
    }

    private static async Task ReportAsync(ExportProgress progress, long estimate, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {progress.Rows:N0} rows{(estimate > 0 ? $" (~{100.0 * progress.Rows / estimate:0}%)" : "")}"));
        }
        catch (OperationCanceledException) { }
    }

    private static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}
