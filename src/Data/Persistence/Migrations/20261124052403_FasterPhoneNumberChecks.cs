using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FasterPhoneNumberChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_vaccine_registrations_mobile_number",
                table: "vaccine_registrations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_health_checks_msisdn",
                table: "health_checks");

            migrationBuilder.AddCheckConstraint(
                name: "ck_vaccine_registrations_mobile_number",
                table: "vaccine_registrations",
                sql: "octet_length(mobile_number) = 12 AND mobile_number ~ '^\\+27[6-8][0-9]*$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_health_checks_msisdn",
                table: "health_checks",
                sql: "octet_length(msisdn) = 12 AND msisdn ~ '^\\+27[6-8][0-9]*$'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_vaccine_registrations_mobile_number",
                table: "vaccine_registrations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_health_checks_msisdn",
                table: "health_checks");

            migrationBuilder.AddCheckConstraint(
                name: "ck_vaccine_registrations_mobile_number",
                table: "vaccine_registrations",
                sql: "mobile_number ~ '^\\+27[6-8][0-9]{8}$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_health_checks_msisdn",
                table: "health_checks",
                sql: "msisdn ~ '^\\+27[6-8][0-9]{8}$'");
        }
    }
}
