using Admin.Data.Entities;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>
    /// The phone contains-search moves from the pg_trgm index to a GIN index on the number's 5-digit windows
    /// (PhoneWindowsSql): a number's digit trigrams come from 1,000 values, so each of the four posting lists a 6-digit
    /// search intersects held half a million rows at 50M, and the search slowed as the table grew. ANALYZE gathers the
    /// expression's statistics, without which the planner guesses how many rows a window matches.
    /// </summary>
    public partial class PhoneNumberWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Build first (a share lock: reads go on, served by the trigram index), drop last: DROP INDEX's exclusive
            // lock on the table then lasts only until the commit, not through a build of minutes.
            migrationBuilder.Sql(PhoneWindowsSql.Create);
            migrationBuilder.Sql("ANALYZE health_checks");
            migrationBuilder.DropIndex(
                name: "ix_health_checks_msisdn_trgm",
                table: "health_checks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX {PhoneWindowsSql.Index}");
            migrationBuilder.CreateIndex(
                name: "ix_health_checks_msisdn_trgm",
                table: "health_checks",
                column: "msisdn")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
