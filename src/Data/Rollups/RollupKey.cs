using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Time;

namespace Admin.Data.Rollups;

/// <summary>Where one HealthCheck is counted in the rollups: its rollup day, province, district, risk, source and grid cell.</summary>
public readonly record struct RollupKey(DateOnly Day, string Province, string DistrictCode, string Risk, string Source, GridCell? Cell)
{
    /// <param name="zone">The zone whose days the rollups count (the display zone).</param>
    public static RollupKey Of(HealthCheck c, DisplayTimeZone zone) => new(
        zone.DayOf(c.Timestamp),
        Codes<Province>.ToCode(c.Province),
        c.DistrictCode ?? RollupKeys.NoDistrict,
        Codes<Risk>.ToCode(c.Risk),
        c.Source,
        c.Latitude is { } lat && c.Longitude is { } lon ? GridCell.Of(lat, lon) : null);

    /// <summary>Counts toward a cell's high-risk total (as in <see cref="RollupSql.MergeMonthToDate"/>).</summary>
    public bool HighRisk => Risk is "high" or "critical";
}
