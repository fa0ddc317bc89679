using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Data.Persistence.Migrations
{
    /// <summary>
    /// Smaller health_checks indexes (docs/scale.md): indexes led by risk or source leave out the common value, the
    /// phone number index keys the number alone, and indexes filled in time or id order are packed full. On an existing
    /// table the packing only takes effect as pages split or at the next bulk load (which rebuilds every index), so the
    /// upgrade rebuilds only the five indexes whose shape changed.
    /// </summary>
    public partial class SmallerHealthCheckIndexes : Migration
    {
        private static readonly string[] Packed =
            ["ix_health_checks_timestamp_id", "ix_health_checks_province_timestamp_id", "ix_health_checks_district_timestamp_id", "ix_health_checks_change_xid_id"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Packed)
                migrationBuilder.Sql($"ALTER INDEX {index} SET (fillfactor = 100)");

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_msisdn",
                table: "health_checks",
                column: "msisdn");
            migrationBuilder.DropIndex(name: "ix_health_checks_msisdn_timestamp_id", table: "health_checks");

            foreach (var (name, columns, descending, filter) in Partial)
            {
                migrationBuilder.DropIndex(name: name, table: "health_checks");
                migrationBuilder.CreateIndex(name: name, table: "health_checks", columns: columns, descending: descending, filter: filter)
                    .Annotation("Npgsql:StorageParameter:fillfactor", 100);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Packed)
                migrationBuilder.Sql($"ALTER INDEX {index} RESET (fillfactor)");

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_msisdn_timestamp_id",
                table: "health_checks",
                columns: new[] { "msisdn", "timestamp", "id" },
                descending: new[] { false, true, true });
            migrationBuilder.DropIndex(name: "ix_health_checks_msisdn", table: "health_checks");

            foreach (var (name, columns, descending, _) in Partial)
            {
                migrationBuilder.DropIndex(name: name, table: "health_checks");
                migrationBuilder.CreateIndex(name: name, table: "health_checks", columns: columns, descending: descending);
            }
        }

        // As HealthCheckConfiguration declares them at this migration (the literals keep the migration fixed if that changes).
        private static readonly (string Name, string[] Columns, bool[] Descending, string Filter)[] Partial =
        [
            ("ix_health_checks_risk_timestamp_id", ["risk", "timestamp", "id"], [false, true, true], "\"risk\" <> 'low'"),
            ("ix_health_checks_province_risk_timestamp_id", ["province", "risk", "timestamp", "id"], [false, false, true, true], "\"risk\" <> 'low'"),
            ("ix_health_checks_district_risk_timestamp_id", ["district_code", "risk", "timestamp", "id"], [false, false, true, true], "\"risk\" <> 'low'"),
            ("ix_health_checks_source_timestamp_id", ["source", "timestamp", "id"], [false, true, true], "\"source\" <> 'WhatsApp'"),
        ];
    }
}
