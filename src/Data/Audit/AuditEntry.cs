namespace Admin.Data.Audit;

/// <summary>
/// One line of the append-only audit trail: who did what, when, to which table and record, with which filter or search,
/// how many rows left the system, and from where. The table refuses UPDATE and DELETE (migration AddSecurity).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Identity user id, or "api-key:{id}" for API calls, or null for anonymous (failed logins).</summary>
    public string? ActorId { get; set; }
    /// <summary>The user name as typed or known at the time: kept even if the user is later renamed or removed.</summary>
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string? TableName { get; set; }
    public string? RecordId { get; set; }
    /// <summary>The filter and search used, as the list's query string (never a full phone number for masked roles).</summary>
    public string? Query { get; set; }
    /// <summary>Rows returned or exported, where the action moves rows.</summary>
    public long? Rows { get; set; }
    /// <summary>JSON: before/after values of an edit, role changes, failure reasons.</summary>
    public string? Detail { get; set; }
    public string? ClientAddress { get; set; }
}
