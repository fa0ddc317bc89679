using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rollup_cell_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    cell_row = table.Column<int>(type: "integer", nullable: false),
                    cell_column = table.Column<int>(type: "integer", nullable: false),
                    province = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    district_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    risk = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    checks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_cell_days", x => new { x.day, x.cell_row, x.cell_column, x.district_code, x.province, x.risk });
                    table.CheckConstraint("ck_rollup_cell_days_checks", "checks > 0");
                    table.CheckConstraint("ck_rollup_cell_days_province", "\"province\" IN ('ZA-EC', 'ZA-FS', 'ZA-GP', 'ZA-KZN', 'ZA-LP', 'ZA-MP', 'ZA-NC', 'ZA-NW', 'ZA-WC')");
                    table.CheckConstraint("ck_rollup_cell_days_risk", "\"risk\" IN ('low', 'moderate', 'high', 'critical')");
                });

            migrationBuilder.CreateTable(
                name: "rollup_cell_running_totals",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    cell_row = table.Column<int>(type: "integer", nullable: false),
                    cell_column = table.Column<int>(type: "integer", nullable: false),
                    checks_to_date = table.Column<long>(type: "bigint", nullable: false),
                    high_risk_to_date = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_cell_running_totals", x => new { x.day, x.cell_row, x.cell_column });
                });

            migrationBuilder.CreateTable(
                name: "rollup_district_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    province = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    district_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    risk = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    checks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_district_days", x => new { x.day, x.district_code, x.province, x.risk });
                    table.CheckConstraint("ck_rollup_district_days_checks", "checks > 0");
                    table.CheckConstraint("ck_rollup_district_days_province", "\"province\" IN ('ZA-EC', 'ZA-FS', 'ZA-GP', 'ZA-KZN', 'ZA-LP', 'ZA-MP', 'ZA-NC', 'ZA-NW', 'ZA-WC')");
                    table.CheckConstraint("ck_rollup_district_days_risk", "\"risk\" IN ('low', 'moderate', 'high', 'critical')");
                });

            migrationBuilder.CreateTable(
                name: "rollup_watermarks",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    high_water = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recomputed_from = table.Column<DateOnly>(type: "date", nullable: true),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rebuilt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_watermarks", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rollup_cell_days_cell_day",
                table: "rollup_cell_days",
                columns: new[] { "cell_row", "cell_column", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_cell_days");

            migrationBuilder.DropTable(
                name: "rollup_cell_running_totals");

            migrationBuilder.DropTable(
                name: "rollup_district_days");

            migrationBuilder.DropTable(
                name: "rollup_watermarks");
        }
    }
}
