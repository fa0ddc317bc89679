using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_cell_running_totals: maintained by <see cref="RollupRefresher"/> from rollup_cell_days.</summary>
public sealed class CellRunningTotalConfiguration : IEntityTypeConfiguration<CellRunningTotal>
{
    public const string Table = "rollup_cell_running_totals";

    public void Configure(EntityTypeBuilder<CellRunningTotal> b)
    {
        b.ToTable(Table);
        // Day first: the page reads "every cell on these four days" (period and window boundaries), the refresh
        // deletes "day >= X", and max(day) is the first key of the index.
        b.HasKey(x => new { x.Day, x.CellRow, x.CellColumn }).HasName("pk_rollup_cell_running_totals");
    }
}
