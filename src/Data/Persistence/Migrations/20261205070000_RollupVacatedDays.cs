using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>
    /// Triggers that note the days rows leave (deletes, updates, truncation) for the incremental rollup refresh, which
    /// otherwise recounts only the days of rows written since it last ran. The table is the refresher's alone (raw SQL,
    /// no entity), so the model and its snapshot are unchanged.
    /// </summary>
    [DbContext(typeof(AdminDbContext))]
    [Migration("20261205070000_RollupVacatedDays")]
    public partial class RollupVacatedDays : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(RollupVacatedDaysSql.Up);

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(RollupVacatedDaysSql.Down);
    }
}
