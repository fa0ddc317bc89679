using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RollupCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The district rollup gains a key column (source) and the cell totals change meaning: the rollups are
            // emptied and the watermark dropped, so the next refresh (or `rollups --rebuild`) counts everything again.
            migrationBuilder.Sql("TRUNCATE rollup_district_days, rollup_cell_days; DELETE FROM rollup_watermarks WHERE name = 'health_checks'");

            migrationBuilder.DropTable(
                name: "rollup_cell_running_totals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_rollup_district_days",
                table: "rollup_district_days");

            migrationBuilder.AddColumn<string>(
                name: "xid_snapshot",
                table: "rollup_watermarks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "rollup_district_days",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            // Added without a default, then given one: a volatile default in ADD COLUMN would rewrite every row of a
            // 20M-row table. Existing rows keep NULL, which reads as "inserted long ago".
            migrationBuilder.Sql("ALTER TABLE health_checks ADD COLUMN created_xid xid8; ALTER TABLE health_checks ALTER COLUMN created_xid SET DEFAULT pg_current_xact_id()");

            migrationBuilder.AddPrimaryKey(
                name: "pk_rollup_district_days",
                table: "rollup_district_days",
                columns: new[] { "day", "district_code", "province", "risk", "source" });

            migrationBuilder.CreateTable(
                name: "rollup_cell_month_to_date",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    cell_row = table.Column<int>(type: "integer", nullable: false),
                    cell_column = table.Column<int>(type: "integer", nullable: false),
                    checks = table.Column<long>(type: "bigint", nullable: false),
                    high_risk = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_cell_month_to_date", x => new { x.day, x.cell_row, x.cell_column });
                });

            migrationBuilder.CreateTable(
                name: "rollup_district_months",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    province = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    district_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    risk = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    checks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_district_months", x => new { x.month, x.district_code, x.province, x.risk, x.source });
                    table.CheckConstraint("ck_rollup_district_months_checks", "checks > 0");
                    table.CheckConstraint("ck_rollup_district_months_province", "\"province\" IN ('ZA-EC', 'ZA-FS', 'ZA-GP', 'ZA-KZN', 'ZA-LP', 'ZA-MP', 'ZA-NC', 'ZA-NW', 'ZA-WC')");
                    table.CheckConstraint("ck_rollup_district_months_risk", "\"risk\" IN ('low', 'moderate', 'high', 'critical')");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_cell_month_to_date");

            migrationBuilder.DropTable(
                name: "rollup_district_months");

            migrationBuilder.DropPrimaryKey(
                name: "pk_rollup_district_days",
                table: "rollup_district_days");

            migrationBuilder.DropColumn(
                name: "xid_snapshot",
                table: "rollup_watermarks");

            migrationBuilder.DropColumn(
                name: "source",
                table: "rollup_district_days");

            migrationBuilder.DropColumn(
                name: "created_xid",
                table: "health_checks");

            migrationBuilder.AddPrimaryKey(
                name: "pk_rollup_district_days",
                table: "rollup_district_days",
                columns: new[] { "day", "district_code", "province", "risk" });

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
        }
    }
}
