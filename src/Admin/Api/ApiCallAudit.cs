using System.Text.Json;
using Admin.Data.Audit;
using Admin.Security;

namespace Admin.Api;

/// <summary>
/// Writes one audit entry per API call (action api-call; the key as actor). Endpoints that return records call it
/// before the answer is sent, so no row leaves unrecorded (if the trail cannot be written, the call fails);
/// <see cref="ApiAuditMiddleware"/> writes it for every other outcome (400, 403, 404...).
/// </summary>
public sealed class ApiCallAudit(AuditTrail audit, IHttpContextAccessor http)
{
    public async Task RecordAsync(int? status = null)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("API calls are audited within a request.");
        var record = ApiCallRecord.Of(context);
        if (record.Written) return;
        record.Written = true;
        var detail = new Dictionary<string, object?>
        {
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value,
            ["status"] = status ?? context.Response.StatusCode,
        };
        foreach (var (k, v) in record.Detail) detail[k] = v;
        await audit.RecordAsync(AuditActions.ApiCall, record.Table, record.RecordId, record.Query, record.Rows, JsonSerializer.Serialize(detail));
    }
}
