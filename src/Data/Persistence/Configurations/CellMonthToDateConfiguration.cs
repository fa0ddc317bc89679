using Admin.Data.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>rollup_cell_month_to_date: maintained by <see cref="RollupRefresher"/> from rollup_cell_days.</summary>
public sealed class CellMonthToDateConfiguration : IEntityTypeConfiguration<CellMonthToDate>
{
    public const string Table = "rollup_cell_month_to_date";

    public void Configure(EntityTypeBuilder<CellMonthToDate> b)
    {
        b.ToTable(Table);
        // Day first: the page reads "every cell on these days" (period and window boundaries, month ends), the refresh
        // rewrites "days X to the month's end", and max(day) is the first key of the index.
        b.HasKey(x => new { x.Day, x.CellRow, x.CellColumn }).HasName("pk_rollup_cell_month_to_date");
    }
}
