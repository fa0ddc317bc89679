using System.Text.Json;
using Admin.Data.Audit;

namespace Admin.Data.Exports;

/// <summary>The audit trail's record of an export: action "export", the table, the query (masked for masked roles), the rows.</summary>
public static class ExportAudit
{
    /// <summary>How the rows left: a direct download, a background job, its file being downloaded, or the CLI.</summary>
    public const string Download = "download";
    public const string Job = "job";
    public const string JobFile = "job-file";
    public const string Cli = "cli";

    public static AuditEntry Entry(string? actorId, string actorName, string? clientAddress, ExportQuery? query, string table, bool masked,
        string format, string mode, string status, long? rows, Guid? jobId = null) => new()
    {
        ActorId = actorId,
        ActorName = actorName,
        ClientAddress = clientAddress,
        Action = AuditActions.Export,
        TableName = table,
        // An export of one record (a search by its id) names it, so the record's history lists it.
        RecordId = query?.SingleRecordId,
        Query = query?.AuditQuery(masked),
        Rows = rows,
        Detail = JsonSerializer.Serialize(new { format, mode, status, masked, job = jobId }),
    };
}
