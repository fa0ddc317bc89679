using Admin.Data.Bulk;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>Where a bulk load's two-session index phase leaves what undoes it (<see cref="BulkRecoverySql"/>). No model change.</summary>
    [DbContext(typeof(AdminDbContext))]
    [Migration("20261206090000_BulkLoadRecovery")]
    public partial class BulkLoadRecovery : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(BulkRecoverySql.Create);

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(BulkRecoverySql.Drop);
    }
}
