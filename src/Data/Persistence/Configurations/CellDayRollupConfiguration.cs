using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_cell_days: maintained by <see cref="RollupRefresher"/>'s SQL, read by the heat layer and cell hotspots.</summary>
public sealed class CellDayRollupConfiguration : IEntityTypeConfiguration<CellDayRollup>
{
    public const string Table = "rollup_cell_days";

    public void Configure(EntityTypeBuilder<CellDayRollup> b)
    {
        b.ToTable(Table, t => t.HasCheckConstraint("ck_rollup_cell_days_checks", "checks > 0"));
        // Day first for the same reason as the district rollup: the readers (heat layer, cell hotspots, a cell's
        // top district) and the refresh all take a day range.
        b.HasKey(x => new { x.Day, x.CellRow, x.CellColumn, x.DistrictCode, x.Province, x.Risk }).HasName("pk_rollup_cell_days");
        b.Property(x => x.DistrictCode).HasMaxLength(8);
        b.Property(x => x.Province).HasCode(b, Table, "province");
        b.Property(x => x.Risk).HasCode(b, Table, "risk");
    }
}
