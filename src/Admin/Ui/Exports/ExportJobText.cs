using System.Globalization;
using Admin.Data.Exports;
using Admin.Data.Listing;

namespace Admin.Ui.Exports;

/// <summary>How a job reads on the Exports page: its progress against the planner's estimate, its query, its state.</summary>
public static class ExportJobText
{
    /// <summary>Percent for the progress bar: rows done against the estimate, held below 100 until the job is done (estimates run short).</summary>
    public static double Percent(ExportJob job) => job.Status switch
    {
        ExportJobStatus.Done => 100,
        _ when job.RowsEstimated is > 0 and var est => Math.Min(99, 100.0 * job.RowsDone / est),
        _ => 0,
    };

    public static string Rows(ExportJob job) => job.Status == ExportJobStatus.Done || job.RowsEstimated is not > 0
        ? N(job.RowsDone) + " rows"
        : $"{N(job.RowsDone)} of about {N(job.RowsEstimated.Value)} rows";

    public static string Status(ExportJob job) => job.Status switch
    {
        ExportJobStatus.Queued => "Waiting to start",
        ExportJobStatus.Running => "Running",
        ExportJobStatus.Done when job.FilePath is null => "Expired",
        ExportJobStatus.Done => "Ready",
        ExportJobStatus.Cancelled => "Cancelled",
        _ => "Failed",
    };

    /// <summary>The query as the grid's filters; a search on personal data shows masked, as the audit trail records it.</summary>
    public static string Query(ExportJob job, TableRegistry tables, bool masked)
    {
        try
        {
            var text = ExportQuery.Parse(tables, job.List, job.Query).AuditQuery(masked);
            return text.Length == 0 ? "all rows" : Uri.UnescapeDataString(text.Replace("&", " · "));
        }
        catch (ListRequestException)
        {
            return "(a query this version no longer accepts)";
        }
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
