using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddUserDarkMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "dark_mode",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "dark_mode",
                table: "users");
        }
    }
}
