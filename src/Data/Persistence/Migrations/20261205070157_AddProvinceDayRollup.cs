using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>
    /// The hotspot trend's province days, filled from the district days already counted (so the trend is right before
    /// the next refresh); from then on the refresh writes them with the district days, and edits move them.
    /// </summary>
    public partial class AddProvinceDayRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rollup_province_days",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    province = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    checks = table.Column<int>(type: "integer", nullable: false),
                    high_risk = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_province_days", x => new { x.day, x.province });
                    table.CheckConstraint("ck_rollup_province_days_checks", "checks > 0");
                    table.CheckConstraint("ck_rollup_province_days_high_risk", "high_risk BETWEEN 0 AND checks");
                    table.CheckConstraint("ck_rollup_province_days_province", "\"province\" IN ('ZA-EC', 'ZA-FS', 'ZA-GP', 'ZA-KZN', 'ZA-LP', 'ZA-MP', 'ZA-NC', 'ZA-NW', 'ZA-WC')");
                });

            migrationBuilder.Sql("""
                INSERT INTO rollup_province_days (day, province, checks, high_risk)
                SELECT day, province, sum(checks), coalesce(sum(checks) FILTER (WHERE risk IN ('high', 'critical')), 0)
                FROM rollup_district_days
                GROUP BY day, province;
                ANALYZE rollup_province_days;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_province_days");
        }
    }
}
