namespace Admin.Data.Exports;

/// <summary>
/// A large export running in the background: it outlives the browser tab that started it. Progress is rows written
/// against the planner's estimate; the file is kept until it expires.
/// </summary>
public class ExportJob
{
    public Guid Id { get; set; }
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";
    /// <summary>The role at the time of the request: the export is masked for it.</summary>
    public string Role { get; set; } = "";
    /// <summary>The list's slug, e.g. health-checks.</summary>
    public string List { get; set; } = "";
    /// <summary>The list's query string (filters and search) the export reproduces.</summary>
    public string Query { get; set; } = "";
    /// <summary>csv or ndjson.</summary>
    public string Format { get; set; } = "";
    /// <summary>queued, running, done, failed, cancelled.</summary>
    public string Status { get; set; } = "";
    public long RowsDone { get; set; }
    public long? RowsEstimated { get; set; }
    public string? FilePath { get; set; }
    public long? FileBytes { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
