namespace Admin.Data.Exports;

/// <summary>The states of an <see cref="ExportJob"/> (the table's CHECK constraint lists the same).</summary>
public static class ExportJobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsActive(string status) => status is Queued or Running;
}
