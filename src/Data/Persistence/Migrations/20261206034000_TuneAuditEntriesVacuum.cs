using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>Autovacuum after 1 % of inserts on the append-only audit trail (<see cref="StatisticsSql.AuditVacuum"/>). No model change.</summary>
    [DbContext(typeof(AdminDbContext))]
    [Migration("20261206034000_TuneAuditEntriesVacuum")]
    public partial class TuneAuditEntriesVacuum : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StatisticsSql.AuditVacuum);

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StatisticsSql.AuditVacuumReset);
    }
}
