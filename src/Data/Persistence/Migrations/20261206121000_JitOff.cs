using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>Query JIT off for the database (<see cref="DatabaseSettingsSql.JitOff"/>). No model change.</summary>
    [DbContext(typeof(AdminDbContext))]
    [Migration("20261206121000_JitOff")]
    public partial class JitOff : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(DatabaseSettingsSql.JitOff);

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(DatabaseSettingsSql.JitReset);
    }
}
