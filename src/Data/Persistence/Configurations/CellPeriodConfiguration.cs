using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_cell_periods: written by <see cref="RollupRefresher"/>, emptied by edits, read by the hotspot cells.</summary>
public sealed class CellPeriodConfiguration : IEntityTypeConfiguration<CellPeriod>
{
    public const string Table = "rollup_cell_periods";

    public void Configure(EntityTypeBuilder<CellPeriod> b)
    {
        b.ToTable(Table);
        // The cells query's four dates: the same period with other windows (another node's options) is another row.
        b.HasKey(x => new { x.PeriodTo, x.PeriodFrom, x.RecentFrom, x.BaselineFrom }).HasName("pk_rollup_cell_periods");
    }
}
