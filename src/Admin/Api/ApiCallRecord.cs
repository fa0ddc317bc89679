namespace Admin.Api;

/// <summary>What an endpoint tells the audit trail about the call it serves (<see cref="ApiCallAudit"/> writes it once).</summary>
public sealed class ApiCallRecord
{
    public string? Table { get; set; }
    public string? RecordId { get; set; }
    /// <summary>The filter as a query string, personal data masked for roles that may not see it.</summary>
    public string? Query { get; set; }
    public long? Rows { get; set; }
    /// <summary>Extra facts for the detail JSON (e.g. created/existing counts).</summary>
    public Dictionary<string, object?> Detail { get; } = [];
    internal bool Written { get; set; }

    public static ApiCallRecord Of(HttpContext context)
    {
        if (context.Features.Get<ApiCallRecord>() is { } record) return record;
        record = new ApiCallRecord();
        context.Features.Set(record);
        return record;
    }
}
