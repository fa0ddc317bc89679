using System.Globalization;
using System.Text.RegularExpressions;

namespace Admin.Data.Exports;

/// <summary>Where a job's file lives and what it is called when downloaded. The directory belongs to exports alone.</summary>
public static partial class ExportFiles
{
    [GeneratedRegex(@"^[0-9a-f]{32}\.(csv|ndjson)(\.gz)?(\.tmp)?(\.part\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExportFileName();

    /// <summary>A job's file, or one of its temporary or partition files.</summary>
    public static bool IsExportFile(string name) => ExportFileName().IsMatch(name);

    public static string PathFor(ExportOptions options, ExportJob job, bool gzip) =>
        Path.Combine(options.ResolvedDirectory, $"{job.Id:N}.{Extension(job.Format, gzip)}");

    /// <summary>e.g. health-checks-20211114-1032.csv.gz: the list and when the export was asked for (UTC).</summary>
    public static string DownloadName(string list, string format, DateTimeOffset at, bool gzip) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}-{at.UtcDateTime:yyyyMMdd-HHmm}.{Extension(format, gzip)}");

    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>A stored path is served only from inside the export directory, whatever the row says.</summary>
    public static bool IsInside(ExportOptions options, string path)
    {
        var dir = Path.TrimEndingDirectorySeparator(options.ResolvedDirectory) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(dir, StringComparison.Ordinal);
    }

    private static string Extension(string format, bool gzip) => format + (gzip ? ".gz" : "");
}
