using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_district_months: maintained by <see cref="RollupRefresher"/>'s SQL from rollup_district_days, read by the counts.</summary>
public sealed class DistrictMonthRollupConfiguration : IEntityTypeConfiguration<DistrictMonthRollup>
{
    public const string Table = "rollup_district_months";

    public void Configure(EntityTypeBuilder<DistrictMonthRollup> b)
    {
        b.ToTable(Table, t => t.HasCheckConstraint("ck_rollup_district_months_checks", "checks > 0"));
        b.HasKey(x => new { x.Month, x.DistrictCode, x.Province, x.Risk, x.Source }).HasName("pk_rollup_district_months");
        b.Property(x => x.DistrictCode).HasMaxLength(8);
        b.Property(x => x.Source).HasMaxLength(50);
        b.Property(x => x.Province).HasCode(b, Table, "province");
        b.Property(x => x.Risk).HasCode(b, Table, "risk");
    }
}
