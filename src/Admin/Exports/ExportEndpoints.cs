using Admin.Data.Audit;
using Admin.Data.Exports;
using Admin.Data.Hotspots;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Security;
using Admin.Ui.Hotspots;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Admin.Exports;

/// <summary>
/// Downloads: a small record export streamed straight from COPY, a finished job's file, and the managers' aggregate
/// export. Plain GETs a browser follows with its session cookie; bad requests get a 400 problem with the reason,
/// roles without the right a 403 that says so, and every download is audited.
/// </summary>
public static class ExportEndpoints
{
    public static WebApplication MapAdminExports(this WebApplication app)
    {
        var exports = app.MapGroup("/exports").RequireAuthorization().ExcludeFromDescription();
        exports.MapGet("/download/{list}.{format}", DownloadAsync);
        exports.MapGet("/jobs/{id:guid}/file", JobFileAsync);
        exports.MapGet("/hotspots/districts.csv", DistrictsAsync);
        return app;
    }

    private static async Task<IResult> DownloadAsync(string list, string format, HttpContext http, CurrentActor current, TableRegistry tables,
        RecordExporter exporter, AuditLog audit, IOptions<ExportOptions> options, ILoggerFactory logs, Admin.Data.Time.DisplayTimeZone zone)
    {
        var actor = await current.GetAsync();
        if (!ExportRequests.MayExportRecords(actor.Role)) return Refused(ExportRequests.RefusedMessage);
        if (!ExportFormats.TryParse(format, out var f)) return BadRequest(ExportFormats.Unknown(format), "format");
        ExportQuery query;
        long estimate;
        try
        {
            // From/to are the grid's local days: the download holds the rows the grid showed.
            query = ExportQuery.Parse(tables, list, http.Request.Query.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))), zone);
            estimate = await exporter.EstimateAsync(query, http.RequestAborted);
        }
        catch (ListRequestException ex)
        {
            return BadRequest(ex.Message, ex.Parameter);
        }
        if (estimate > options.Value.DirectDownloadMaxRows)
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too large to download at once",
                detail: $"This export holds about {estimate:N0} rows, more than the {options.Value.DirectDownloadMaxRows:N0} a direct download allows. " +
                        "Start it from the records page (Export), where it runs in the background with a progress bar on the Exports page.");

        var masked = !actor.SeesPersonalData;
        var name = ExportFiles.DownloadName(query.Slug, f.Code(), DateTimeOffset.UtcNow, gzip: false);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Stream(async body =>
        {
            // Bytes go out as COPY produces them; nothing is collected in memory first.
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var progress = new ExportProgress();
            var status = ExportJobStatus.Failed;
            try
            {
                await exporter.WriteAsync(query, f, masked, body, progress, http.RequestAborted);
                status = ExportJobStatus.Done;
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                status = ExportJobStatus.Cancelled; // the browser went away; the COPY was cancelled on the server
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or IOException)
            {
                // Headers are sent: the only honest signal left is a broken download, never a file that looks complete.
                logs.CreateLogger(typeof(ExportEndpoints)).LogWarning(ex, "Export download of {List} failed after {Rows} rows.", query.Slug, progress.Rows);
                http.Abort();
            }
            finally
            {
                await audit.WriteAsync(ExportAudit.Entry(actor.Id, actor.Name, actor.ClientAddress, query, query.Table, masked, f.Code(),
                    ExportAudit.Download, status, progress.Rows));
            }
        }, f.ContentType(), name);
    }

    private static async Task<IResult> JobFileAsync(Guid id, CurrentActor current, ExportJobStore store, TableRegistry tables, AuditLog audit,
        IOptions<ExportOptions> options)
    {
        var actor = await current.GetAsync();
        if (!ExportRequests.MayExportRecords(actor.Role)) return Refused(ExportRequests.RefusedMessage);
        var job = await store.FindAsync(id);
        if (job is null) return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such export", detail: "There is no export with this id.");
        if (job.OwnerId != actor.Id && actor.Role != Roles.Admin)
            return Refused("This export belongs to someone else; only its owner or an administrator can download it.");
        if (!actor.SeesPersonalData && Roles.SeesPersonalData(job.Role))
            return Refused("This export was made unmasked, for a role that sees personal data, which yours does not.");
        if (job.Status != ExportJobStatus.Done)
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not ready", detail: $"This export is {job.Status}; there is no file to download.");
        var o = options.Value;
        if (job.FilePath is not { } path || !ExportFiles.IsInside(o, path) || !File.Exists(path))
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Expired",
                detail: $"The file of this export was removed (exports are kept for {o.Retention.TotalHours:0} hours). Start it again from the records page.");

        var masked = !Roles.SeesPersonalData(job.Role);
        ExportQuery? query = null;
        try { query = ExportQuery.Parse(tables, job.List, job.Query); }
        catch (ListRequestException) { }
        await audit.WriteAsync(ExportAudit.Entry(actor.Id, actor.Name, actor.ClientAddress, query, tables.Find(job.List)?.Table ?? job.List,
            masked, job.Format, ExportAudit.JobFile, ExportJobStatus.Done, job.RowsDone, job.Id));
        var gzip = ExportFiles.IsGzip(path);
        ExportFormats.TryParse(job.Format, out var format);
        return Results.File(path, gzip ? "application/gzip" : format.ContentType(),
            ExportFiles.DownloadName(job.List, job.Format, job.CreatedAt, gzip), enableRangeProcessing: true);
    }

    private static async Task<IResult> DistrictsAsync(HttpContext http, CurrentActor current, HotspotDashboard dashboard, AuditLog audit)
    {
        var actor = await current.GetAsync();
        if (actor.Role is null) return Refused("Your account has no role that may see hotspots.");
        var q = http.Request.Query;
        var (fromText, toText, presetText) = (q["from"].ToString(), q["to"].ToString(), q["preset"].ToString());
        var extent = (await dashboard.ExtentAsync(http.RequestAborted)).Value;
        if (extent is not { FirstDay: { } first, LastDay: { } last })
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No data yet", detail: "No HealthChecks have been rolled up yet.");

        var (asked, error, parameter) = HotspotsUrl.ParsePeriod(fromText, toText, presetText, first, last);
        if (asked is not { } period) return BadRequest(error!, parameter);

        var snapshot = (await dashboard.SnapshotAsync(period, http.RequestAborted)).Value;
        var csv = DistrictTableCsv.Write(snapshot);
        var periodQuery = $"from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}";
        await audit.WriteAsync(new AuditEntry
        {
            ActorId = actor.Id,
            ActorName = actor.Name,
            ClientAddress = actor.ClientAddress,
            Action = AuditActions.Export,
            TableName = "district_day_rollups",
            Query = periodQuery,
            Rows = snapshot.Districts.Count,
            Detail = """{"format":"csv","mode":"download","status":"done","aggregate":"districts"}""",
        });
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(csv, "text/csv; charset=utf-8", $"hotspot-districts-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv");
    }

    private static IResult BadRequest(string message, string? parameter) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The export cannot be made as asked", detail: message,
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });

    private static IResult Refused(string message) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: message);
}
