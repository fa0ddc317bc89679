using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>
    /// The hotspot areas' district day totals, filled from the district days already counted (so the page is right
    /// before the next refresh) by the refresh's own merge; from then on the refresh writes them with the district
    /// days, and edits move them.
    /// </summary>
    public partial class DistrictDayTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rollup_district_day_totals",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    province = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    district_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    checks = table.Column<int>(type: "integer", nullable: false),
                    high_risk = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_district_day_totals", x => new { x.day, x.district_code, x.province });
                    table.CheckConstraint("ck_rollup_district_day_totals_checks", "checks > 0");
                    table.CheckConstraint("ck_rollup_district_day_totals_high_risk", "high_risk BETWEEN 0 AND checks");
                    table.CheckConstraint("ck_rollup_district_day_totals_province", "\"province\" IN ('ZA-EC', 'ZA-FS', 'ZA-GP', 'ZA-KZN', 'ZA-LP', 'ZA-MP', 'ZA-NC', 'ZA-NW', 'ZA-WC')");
                });

            migrationBuilder.Sql(Rollups.DayTotals.Districts.MergeAll);
            migrationBuilder.Sql("ANALYZE rollup_district_day_totals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_district_day_totals");
        }
    }
}
