using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>
    /// Planner statistics and autovacuum sized for a table of tens of millions of rows. Changes no model, so it has no
    /// target model of its own (the snapshot is unchanged).
    /// </summary>
    [DbContext(typeof(AdminDbContext))]
    [Migration("20261205005000_TuneHealthCheckStatistics")]
    public partial class TuneHealthCheckStatistics : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StatisticsSql.Tune);

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StatisticsSql.Reset);
    }
}
