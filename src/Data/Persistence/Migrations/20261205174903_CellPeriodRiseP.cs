using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CellPeriodRiseP : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows without p-values would not match their cells; the next refresh writes them back whole.
            migrationBuilder.Sql("DELETE FROM rollup_cell_periods");
            migrationBuilder.AddColumn<double[]>(
                name: "rise_p",
                table: "rollup_cell_periods",
                type: "double precision[]",
                nullable: false,
                defaultValue: new double[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rise_p",
                table: "rollup_cell_periods");
        }
    }
}
