using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>A larger statistics sample for the phone number (<see cref="StatisticsSql.PhoneNumber"/>). Changes no model.</summary>
    [DbContext(typeof(AdminDbContext))]
    [Migration("20261205104500_PhoneNumberStatistics")]
    public partial class PhoneNumberStatistics : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StatisticsSql.PhoneNumber);

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(StatisticsSql.PhoneNumberReset);
    }
}
