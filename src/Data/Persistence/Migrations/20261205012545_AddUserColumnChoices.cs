using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddUserColumnChoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "user_column_choices",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    list = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    columns = table.Column<string[]>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_column_choices", x => new { x.user_id, x.list });
                    table.ForeignKey(
                        name: "fk_user_column_choices_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_column_choices");
        }
    }
}
