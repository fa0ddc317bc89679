namespace Admin.Data.Bulk;

/// <summary>What a load did to one table, with its timings.</summary>
public sealed record TableLoadResult(
    string Table,
    string Mode,
    long RowsGenerated,
    long RowsWritten,
    double LoadSeconds,
    double IndexSeconds,
    double AnalyzeSeconds)
{
    /// <summary>Each index and key rebuilt by a bulk load, in build order, with its seconds: where the index phase goes.</summary>
    public IReadOnlyList<(string Name, double Seconds)> IndexBuilds { get; init; } = [];

    /// <summary>Generation + COPY (+ merge), index and constraint rebuilds, ANALYZE.</summary>
    public double TotalSeconds => LoadSeconds + IndexSeconds + AnalyzeSeconds;

    /// <summary>Rows generated per second of generation + COPY.</summary>
    public double LoadRowsPerSecond => LoadSeconds > 0 ? RowsGenerated / LoadSeconds : 0;

    /// <summary>Rows generated per second including index builds and ANALYZE.</summary>
    public double EndToEndRowsPerSecond => TotalSeconds > 0 ? RowsGenerated / TotalSeconds : 0;
}

/// <summary>The outcome of <see cref="BulkLoader.LoadAsync"/>; <see cref="Skipped"/> says why nothing was loaded into a table.</summary>
public sealed record BulkLoadResult(TableLoadResult? HealthChecks, TableLoadResult? Vaccines, double TotalSeconds, IReadOnlyList<string> Skipped)
{
    /// <summary>Tables an interrupted earlier load had left half-indexed, emptied and restored before this one (<see cref="BulkRecoverySql"/>).</summary>
    public IReadOnlyList<string> Recovered { get; init; } = [];
}
