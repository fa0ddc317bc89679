using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_province_days: maintained by <see cref="RollupRefresher"/>'s SQL from rollup_district_days, read by the hotspot trend.</summary>
public sealed class ProvinceDayRollupConfiguration : IEntityTypeConfiguration<ProvinceDayRollup>
{
    public const string Table = "rollup_province_days";

    public void Configure(EntityTypeBuilder<ProvinceDayRollup> b)
    {
        b.ToTable(Table, t =>
        {
            t.HasCheckConstraint("ck_rollup_province_days_checks", "checks > 0");
            t.HasCheckConstraint("ck_rollup_province_days_high_risk", "high_risk BETWEEN 0 AND checks");
        });
        // Day first: the trend reads "days between A and B", the refresh rewrites "days X to the month's end".
        b.HasKey(x => new { x.Day, x.Province }).HasName("pk_rollup_province_days");
        b.Property(x => x.Province).HasCode(b, Table, "province");
    }
}
