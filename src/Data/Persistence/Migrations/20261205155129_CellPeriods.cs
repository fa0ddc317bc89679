using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>
    /// The hotspot presets' map cells, summed ahead (Rollups.CellPeriod). Empty until the next refresh writes them; the
    /// page sums the cells from the month-to-date totals meanwhile, as it does for any other period.
    /// </summary>
    public partial class CellPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rollup_cell_periods",
                columns: table => new
                {
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    recent_from = table.Column<DateOnly>(type: "date", nullable: false),
                    baseline_from = table.Column<DateOnly>(type: "date", nullable: false),
                    cell_rows = table.Column<int[]>(type: "integer[]", nullable: false),
                    cell_columns = table.Column<int[]>(type: "integer[]", nullable: false),
                    checks = table.Column<long[]>(type: "bigint[]", nullable: false),
                    high_risk = table.Column<long[]>(type: "bigint[]", nullable: false),
                    recent_high = table.Column<long[]>(type: "bigint[]", nullable: false),
                    baseline_high = table.Column<long[]>(type: "bigint[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_cell_periods", x => new { x.period_to, x.period_from, x.recent_from, x.baseline_from });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_cell_periods");
        }
    }
}
