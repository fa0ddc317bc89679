using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RollupMonthsPending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly[]>(
                name: "months_pending",
                table: "rollup_watermarks",
                type: "date[]",
                nullable: false,
                defaultValue: new DateOnly[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "months_pending",
                table: "rollup_watermarks");
        }
    }
}
