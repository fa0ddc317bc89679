using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_district_day_totals: maintained by <see cref="RollupRefresher"/>'s SQL from rollup_district_days, read by the hotspot areas.</summary>
public sealed class DistrictDayTotalConfiguration : IEntityTypeConfiguration<DistrictDayTotal>
{
    public const string Table = "rollup_district_day_totals";

    public void Configure(EntityTypeBuilder<DistrictDayTotal> b)
    {
        b.ToTable(Table, t =>
        {
            t.HasCheckConstraint("ck_rollup_district_day_totals_checks", "checks > 0");
            t.HasCheckConstraint("ck_rollup_district_day_totals_high_risk", "high_risk BETWEEN 0 AND checks");
        });
        // Day first: the hotspot areas read "days between A and B", the refresh rewrites given days.
        b.HasKey(x => new { x.Day, x.DistrictCode, x.Province }).HasName("pk_rollup_district_day_totals");
        b.Property(x => x.DistrictCode).HasMaxLength(8);
        b.Property(x => x.Province).HasCode(b, Table, "province");
    }
}
