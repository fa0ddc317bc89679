using System.Diagnostics;
using Admin.Data.Observability;
using Admin.Data.Audit;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Data.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// Runs one claimed job: re-validates its query, writes its file (to a temporary name, renamed when complete), reports
/// rows done at most once per <see cref="ExportOptions.ProgressInterval"/>, and ends it as done, cancelled, failed, or
/// back in the queue when the app shuts down. Every outcome is audited with the rows written.
/// </summary>
public sealed class ExportJobRunner(
    RecordExporter exporter,
    ExportJobStore store,
    TableRegistry tables,
    AuditLog audit,
    RunningExports running,
    IOptions<ExportOptions> options,
    ILogger<ExportJobRunner> logger,
    DisplayTimeZone? zone = null)
{
    public async Task RunAsync(ExportJob job, CancellationToken stopping)
    {
        InteractionContext.Role = job.Role; // the job runs for the person who asked (restored when this method returns)
        using var activity = AdminTelemetry.StartInteraction("export job", job.List);
        activity?.SetTag("admin.export.format", job.Format);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            outcome = await RunJobAsync(job, stopping);
        }
        finally
        {
            activity?.SetTag("admin.export.outcome", outcome);
            if (outcome != ExportJobStatus.Done) activity?.SetStatus(ActivityStatusCode.Error, outcome);
            AdminTelemetry.ExportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new TagList { { "admin.export.format", job.Format }, { "admin.export.outcome", outcome } });
        }
    }

    private async Task<string> RunJobAsync(ExportJob job, CancellationToken stopping)
    {
        var o = options.Value;
        using var jobCts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        running.Add(job.Id, jobCts);
        var progress = new ExportProgress();
        var masked = !Roles.SeesPersonalData(job.Role);
        var gzip = o.Gzip;
        var path = ExportFiles.PathFor(o, job, gzip);
        var temporary = path + ".tmp";
        ExportQuery? query = null;
        using var stopReporting = new CancellationTokenSource();
        var reporter = ReportProgressAsync(job.Id, progress, jobCts, stopReporting.Token);
        try
        {
            query = ExportQuery.Parse(tables, job.List, job.Query, zone);
            if (!ExportFormats.TryParse(job.Format, out var format))
                throw new ListRequestException(ExportFormats.Unknown(job.Format), "format");
            Directory.CreateDirectory(o.ResolvedDirectory);
            var result = await exporter.WriteFileAsync(query, format, masked, temporary, gzip, job.RowsEstimated, progress, jobCts.Token);
            await StopAsync(reporter, stopReporting);
            File.Move(temporary, path, overwrite: true);
            if (await store.CompleteAsync(job.Id, result.Rows, path, result.FileBytes, Audit(job, query, masked, ExportJobStatus.Done, result.Rows), CancellationToken.None))
            {
                logger.LogInformation("Export {Job} done: {Rows} rows, {Bytes} bytes in {Seconds:0.0} s ({Streams} streams).",
                    job.Id, result.Rows, result.FileBytes, result.Elapsed.TotalSeconds, result.Streams);
                AdminTelemetry.ExportRows.Add(result.Rows, new TagList { { "admin.export.format", job.Format } });
                AdminTelemetry.ExportRate.Record(result.RowsPerSecond, new TagList { { "admin.export.format", job.Format } });
                return ExportJobStatus.Done;
            }
            else
            {
                // Cancelled in the instant between the last row and completion: the cancel wins.
                TryDelete(path);
                await WriteAuditAsync(job, query, masked, ExportJobStatus.Cancelled, result.Rows);
                return ExportJobStatus.Cancelled;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await StopAsync(reporter, stopReporting);
            TryDelete(temporary);
            await store.RequeueAsync(job.Id, CancellationToken.None);
            logger.LogInformation("Export {Job} put back in the queue: the app is stopping.", job.Id);
            return ExportJobStatus.Queued;
        }
        catch (OperationCanceledException)
        {
            await StopAsync(reporter, stopReporting);
            TryDelete(temporary);
            await store.CancelAsync(job.Id, ownerId: null, CancellationToken.None); // no-op when the page already did
            await WriteAuditAsync(job, query, masked, ExportJobStatus.Cancelled, progress.Rows);
            return ExportJobStatus.Cancelled;
        }
        catch (Exception ex) when (Describe(ex, o) is { } message)
        {
            await StopAsync(reporter, stopReporting);
            TryDelete(temporary);
            if (ex is not ListRequestException) logger.LogWarning(ex, "Export {Job} failed.", job.Id);
            await store.FailAsync(job.Id, progress.Rows, message, Audit(job, query, masked, ExportJobStatus.Failed, progress.Rows), CancellationToken.None);
            return ExportJobStatus.Failed;
        }
        finally
        {
            running.Remove(job.Id);
        }
    }

    /// <summary>What the person sees when a job fails: what happened and what to do, never SQL or a stack trace.</summary>
    private static string? Describe(Exception ex, ExportOptions o) => ex switch
    {
        ListRequestException e => e.Message,
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } =>
            $"The export ran longer than the export limit ({o.StatementTimeout.TotalMinutes:0} min) and was stopped. Narrow it with a filter.",
        IOException or UnauthorizedAccessException => "The export file could not be written (the disk may be full). Try again later.",
        NpgsqlException or TimeoutException => "The database failed during the export. Try again.",
        _ => null, // a bug: let the worker log it loudly
    };

    private async Task ReportProgressAsync(Guid id, ExportProgress progress, CancellationTokenSource job, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    // Zero rows updated: the job was cancelled (the page, or another node): stop the COPY.
                    if (!await store.ReportProgressAsync(id, progress.Rows, stop))
                    {
                        await job.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning(ex, "Could not record the progress of export {Job}; the export goes on.", id);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    private static async Task StopAsync(Task reporter, CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        await reporter;
    }

    private Task WriteAuditAsync(ExportJob job, ExportQuery? query, bool masked, string status, long rows) =>
        audit.WriteAsync(Audit(job, query, masked, status, rows));

    private AuditEntry Audit(ExportJob job, ExportQuery? query, bool masked, string status, long rows) =>
        ExportAudit.Entry(job.OwnerId, job.OwnerName, null, query, tables.Find(job.List)?.Table ?? job.List,
            masked, job.Format, ExportAudit.Job, status, rows, job.Id);

    private static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
