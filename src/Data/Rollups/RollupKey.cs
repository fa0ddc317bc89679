using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Data.Rollups;

/// <summary>Where one HealthCheck is counted in the rollups: its UTC day, province, district, risk and grid cell.</summary>
public readonly record struct RollupKey(DateOnly Day, string Province, string DistrictCode, string Risk, GridCell? Cell)
{
    public static RollupKey Of(HealthCheck c) => new(
        DateOnly.FromDateTime(c.Timestamp.UtcDateTime),
        Codes<Province>.ToCode(c.Province),
        c.DistrictCode ?? RollupKeys.NoDistrict,
        Codes<Risk>.ToCode(c.Risk),
        c.Latitude is { } lat && c.Longitude is { } lon ? GridCell.Of(lat, lon) : null);

    /// <summary>Counts toward a cell's high-risk running total (as in <see cref="RollupSql.MergeRunningTotals"/>).</summary>
    public bool HighRisk => Risk is "high" or "critical";
}
