using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

public sealed class RollupWatermarkConfiguration : IEntityTypeConfiguration<RollupWatermark>
{
    public const string Table = "rollup_watermarks";

    public void Configure(EntityTypeBuilder<RollupWatermark> b)
    {
        b.ToTable(Table);
        // One row per rollup family, read by name.
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.XidHorizon).HasColumnType("xid8");
        b.Property(x => x.XidSnapshot).HasColumnType("text");
        // Rollups built before the display time zone existed counted UTC days.
        b.Property(x => x.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
    }
}
