using Admin.Data.Audit;

namespace Admin.Security;

/// <summary>The app's way into the audit trail: fills in who and from where, so callers say only what happened.</summary>
public sealed class AuditTrail(AuditLog log, CurrentActor current)
{
    public async Task RecordAsync(string action, string? table = null, string? recordId = null, string? query = null, long? rows = null, string? detail = null)
    {
        var actor = await current.GetAsync();
        await log.WriteAsync(new AuditEntry
        {
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            TableName = table,
            RecordId = recordId,
            Query = query,
            Rows = rows,
            Detail = detail,
            ClientAddress = actor.ClientAddress,
        });
    }
}
