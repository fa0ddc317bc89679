using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_cell_days: maintained by <see cref="RollupRefresher"/>'s SQL, source of the cell running totals and of a cell's drill-down district.</summary>
public sealed class CellDayRollupConfiguration : IEntityTypeConfiguration<CellDayRollup>
{
    public const string Table = "rollup_cell_days";

    public void Configure(EntityTypeBuilder<CellDayRollup> b)
    {
        b.ToTable(Table, t => t.HasCheckConstraint("ck_rollup_cell_days_checks", "checks > 0"));
        // Day first for the same reason as the district rollup: the refresh (and the running totals it derives)
        // take a day range.
        b.HasKey(x => new { x.Day, x.CellRow, x.CellColumn, x.DistrictCode, x.Province, x.Risk }).HasName("pk_rollup_cell_days");
        b.Property(x => x.DistrictCode).HasMaxLength(8);
        b.Property(x => x.Province).HasCode(b, Table, "province");
        b.Property(x => x.Risk).HasCode(b, Table, "risk");
        // A clicked cell's drill-down: "which district holds most of this cell's checks in the period".
        b.HasIndex(x => new { x.CellRow, x.CellColumn, x.Day }).HasDatabaseName("ix_rollup_cell_days_cell_day");
    }
}
