using Admin.Data.Audit;
using Admin.Data.Exports;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Security;
using Microsoft.Extensions.Options;

namespace Admin.Exports;

/// <summary>How an export the user asked for goes ahead: a link that downloads at once, or a queued background job.</summary>
public sealed record ExportStart(string? DownloadUrl, ExportJob? Job, long EstimatedRows);

/// <summary>Asked for a record export by a role that may not have one.</summary>
public sealed class ExportRefusedException(string message) : Exception(message);

/// <summary>
/// What the pages call to export and to follow exports: decides download-now or background job from the planner's
/// estimate, queues and audits jobs, lists and cancels the current user's jobs.
/// </summary>
public sealed class ExportRequests(
    CurrentActor current,
    TableRegistry tables,
    RecordExporter exporter,
    ExportJobStore store,
    ExportJobSignal signal,
    RunningExports running,
    AuditLog audit,
    IOptions<ExportOptions> options,
    Admin.Data.Time.DisplayTimeZone zone)
{
    public const string RefusedMessage = "Your role cannot export records. Managers can download the hotspot district table from the Hotspots page.";

    /// <summary>The same roles as <see cref="Policies.Records"/>: record exports are part of the records surface.</summary>
    public static bool MayExportRecords(string? role) => role is Roles.Admin or Roles.Analyst;

    public static string DownloadPath(string list, ExportFormat format, string queryString) =>
        $"/exports/download/{Uri.EscapeDataString(list)}.{format.Code()}" + (queryString.Length > 0 ? "?" + queryString : "");

    public static string JobFilePath(Guid id) => $"/exports/jobs/{id}/file";

    /// <summary>Throws <see cref="ListRequestException"/> for a bad list or query, <see cref="ExportRefusedException"/> for a role without exports.</summary>
    public async Task<ExportStart> StartAsync(string list, string queryString, ExportFormat format, CancellationToken ct = default)
    {
        var actor = await current.GetAsync();
        if (actor.Id is null || !MayExportRecords(actor.Role)) throw new ExportRefusedException(RefusedMessage);
        var query = ExportQuery.Parse(tables, list, queryString, zone);
        var estimate = await exporter.EstimateAsync(query, ct);
        if (estimate <= options.Value.DirectDownloadMaxRows)
            return new ExportStart(DownloadPath(query.Slug, format, query.QueryString), null, estimate);

        var job = await store.CreateAsync(new ExportJob
        {
            OwnerId = actor.Id,
            OwnerName = actor.Name,
            Role = actor.Role!,
            List = query.Slug,
            Query = query.QueryString,
            Format = format.Code(),
            RowsEstimated = estimate,
        }, ct);
        await audit.WriteAsync(ExportAudit.Entry(actor.Id, actor.Name, actor.ClientAddress, query, query.Table, !actor.SeesPersonalData,
            format.Code(), ExportAudit.Job, ExportJobStatus.Queued, null, job.Id));
        signal.Notify();
        return new ExportStart(null, job, estimate);
    }

    /// <summary>The current user's exports, newest first.</summary>
    public async Task<IReadOnlyList<ExportJob>> MineAsync(CancellationToken ct = default)
    {
        var actor = await current.GetAsync();
        return actor.Id is null ? [] : await store.ListAsync(actor.Id, ct: ct);
    }

    /// <summary>Cancels one of the user's jobs (admins: anyone's). The COPY stops at once on this node, within a second elsewhere.</summary>
    public async Task<bool> CancelAsync(Guid id, CancellationToken ct = default)
    {
        var actor = await current.GetAsync();
        if (actor.Id is null) return false;
        var cancelled = await store.CancelAsync(id, actor.Role == Roles.Admin ? null : actor.Id, ct);
        if (cancelled) running.TryCancel(id);
        return cancelled;
    }
}
