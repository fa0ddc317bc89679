using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_district_days: maintained by <see cref="RollupRefresher"/>'s SQL, read by the hotspot queries.</summary>
public sealed class DistrictDayRollupConfiguration : IEntityTypeConfiguration<DistrictDayRollup>
{
    public const string Table = "rollup_district_days";

    public void Configure(EntityTypeBuilder<DistrictDayRollup> b)
    {
        b.ToTable(Table, t => t.HasCheckConstraint("ck_rollup_district_days_checks", "checks > 0"));
        // Day first: every reader is "days between A and B" (hotspot windows, period totals, province trends) and the
        // refresh deletes "day >= X"; the rest of the key makes a row unique. Rows are appended day by day, so a day
        // range is a contiguous stretch of the heap and no covering index is needed at ~500 rows a day.
        b.HasKey(x => new { x.Day, x.DistrictCode, x.Province, x.Risk, x.Source }).HasName("pk_rollup_district_days");
        b.Property(x => x.DistrictCode).HasMaxLength(8);
        b.Property(x => x.Source).HasMaxLength(50);
        b.Property(x => x.Province).HasCode(b, Table, "province");
        b.Property(x => x.Risk).HasCode(b, Table, "risk");
    }
}
