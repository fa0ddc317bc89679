using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Admin.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    province = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_metro = table.Column<bool>(type: "boolean", nullable: false),
                    centroid_latitude = table.Column<double>(type: "double precision", nullable: false),
                    centroid_longitude = table.Column<double>(type: "double precision", nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    area_km2 = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.code);
                    table.CheckConstraint("ck_districts_province", "\"province\" IN ('ZA-EC', 'ZA-FS', 'ZA-GP', 'ZA-KZN', 'ZA-LP', 'ZA-MP', 'ZA-NC', 'ZA-NW', 'ZA-WC')");
                });

            migrationBuilder.CreateTable(
                name: "vaccine_registrations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    gender = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    surname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    mobile_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    province = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vaccine_registrations", x => x.id);
                    table.CheckConstraint("ck_vaccine_registrations_gender", "\"gender\" IN ('Male', 'Female', 'Other')");
                    table.CheckConstraint("ck_vaccine_registrations_mobile_number", "mobile_number ~ '^\\+27[6-8][0-9]{8}$'");
                    table.CheckConstraint("ck_vaccine_registrations_province", "\"province\" IN ('ZA-EC', 'ZA-FS', 'ZA-GP', 'ZA-KZN', 'ZA-LP', 'ZA-MP', 'ZA-NC', 'ZA-NW', 'ZA-WC')");
                });

            migrationBuilder.CreateTable(
                name: "health_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    deduplication_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    msisdn = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    first_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    last_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    province = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    district_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    city = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    city_latitude = table.Column<double>(type: "double precision", nullable: true),
                    city_longitude = table.Column<double>(type: "double precision", nullable: true),
                    age = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    gender = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    place_of_work = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    fever = table.Column<bool>(type: "boolean", nullable: false),
                    cough = table.Column<bool>(type: "boolean", nullable: false),
                    sore_throat = table.Column<bool>(type: "boolean", nullable: false),
                    difficulty_breathing = table.Column<bool>(type: "boolean", nullable: true),
                    muscle_pain = table.Column<bool>(type: "boolean", nullable: true),
                    smell = table.Column<bool>(type: "boolean", nullable: true),
                    exposure = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    preexisting_condition = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    confirmed_contact = table.Column<bool>(type: "boolean", nullable: true),
                    tracing = table.Column<bool>(type: "boolean", nullable: false),
                    rooms_in_household = table.Column<int>(type: "integer", nullable: true),
                    persons_in_household = table.Column<int>(type: "integer", nullable: true),
                    risk = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    completed_timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_checks", x => x.id);
                    table.CheckConstraint("ck_health_checks_age", "\"age\" IN ('<18', '18-40', '40-65', '>65')");
                    table.CheckConstraint("ck_health_checks_exposure", "\"exposure\" IN ('yes', 'no', 'not_sure')");
                    table.CheckConstraint("ck_health_checks_gender", "\"gender\" IN ('male', 'female', 'other', 'not_say')");
                    table.CheckConstraint("ck_health_checks_household", "rooms_in_household >= 0 AND persons_in_household >= 0");
                    table.CheckConstraint("ck_health_checks_latitude", "latitude BETWEEN -90 AND 90 AND city_latitude BETWEEN -90 AND 90");
                    table.CheckConstraint("ck_health_checks_longitude", "longitude BETWEEN -180 AND 180 AND city_longitude BETWEEN -180 AND 180");
                    table.CheckConstraint("ck_health_checks_msisdn", "msisdn ~ '^\\+27[6-8][0-9]{8}$'");
                    table.CheckConstraint("ck_health_checks_place_of_work", "\"place_of_work\" IN ('healthcare', 'education', 'port_of_entry', 'other')");
                    table.CheckConstraint("ck_health_checks_preexisting_condition", "\"preexisting_condition\" IN ('yes', 'no', 'not_sure')");
                    table.CheckConstraint("ck_health_checks_province", "\"province\" IN ('ZA-EC', 'ZA-FS', 'ZA-GP', 'ZA-KZN', 'ZA-LP', 'ZA-MP', 'ZA-NC', 'ZA-NW', 'ZA-WC')");
                    table.CheckConstraint("ck_health_checks_risk", "\"risk\" IN ('low', 'moderate', 'high', 'critical')");
                    table.ForeignKey(
                        name: "fk_health_checks_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "districts",
                columns: new[] { "code", "area_km2", "centroid_latitude", "centroid_longitude", "is_metro", "name", "population", "province" },
                values: new object[,]
                {
                    { "BUF", 2536.0, -32.950000000000003, 27.649999999999999, true, "Buffalo City", 755200, "ZA-EC" },
                    { "CPT", 2446.0, -33.950000000000003, 18.600000000000001, true, "City of Cape Town", 3740026, "ZA-WC" },
                    { "DC1", 31119.0, -32.399999999999999, 18.600000000000001, false, "West Coast", 391766, "ZA-WC" },
                    { "DC10", 58243.0, -33.200000000000003, 24.800000000000001, false, "Sarah Baartman", 450584, "ZA-EC" },
                    { "DC12", 21595.0, -32.549999999999997, 27.100000000000001, false, "Amathole", 892637, "ZA-EC" },
                    { "DC13", 36407.0, -31.899999999999999, 26.800000000000001, false, "Chris Hani", 795461, "ZA-EC" },
                    { "DC14", 25663.0, -30.899999999999999, 27.300000000000001, false, "Joe Gqabi", 349768, "ZA-EC" },
                    { "DC15", 12096.0, -31.550000000000001, 29.0, false, "O.R. Tambo", 1364943, "ZA-EC" },
                    { "DC16", 37674.0, -29.899999999999999, 25.600000000000001, false, "Xhariep", 146259, "ZA-FS" },
                    { "DC18", 31930.0, -28.100000000000001, 26.300000000000001, false, "Lejweleputswa", 627626, "ZA-FS" },
                    { "DC19", 33269.0, -28.399999999999999, 28.5, false, "Thabo Mofutsanyana", 736238, "ZA-FS" },
                    { "DC2", 21473.0, -33.5, 19.699999999999999, false, "Cape Winelands", 787490, "ZA-WC" },
                    { "DC20", 20668.0, -27.199999999999999, 27.399999999999999, false, "Fezile Dabi", 488036, "ZA-FS" },
                    { "DC21", 4791.0, -30.699999999999999, 30.199999999999999, false, "Ugu", 722484, "ZA-KZN" },
                    { "DC22", 9189.0, -29.550000000000001, 30.149999999999999, false, "uMgungundlovu", 1017763, "ZA-KZN" },
                    { "DC23", 11329.0, -28.75, 29.600000000000001, false, "uThukela", 668848, "ZA-KZN" },
                    { "DC24", 8589.0, -28.449999999999999, 30.5, false, "Umzinyathi", 510838, "ZA-KZN" },
                    { "DC25", 6910.0, -27.800000000000001, 30.0, false, "Amajuba", 499839, "ZA-KZN" },
                    { "DC26", 14799.0, -27.75, 31.300000000000001, false, "Zululand", 803575, "ZA-KZN" },
                    { "DC27", 12818.0, -27.399999999999999, 32.299999999999997, false, "Umkhanyakude", 625846, "ZA-KZN" },
                    { "DC28", 8213.0, -28.699999999999999, 31.600000000000001, false, "King Cetshwayo", 907519, "ZA-KZN" },
                    { "DC29", 3269.0, -29.300000000000001, 31.149999999999999, false, "iLembe", 606809, "ZA-KZN" },
                    { "DC3", 12241.0, -34.299999999999997, 19.899999999999999, false, "Overberg", 258176, "ZA-WC" },
                    { "DC30", 31841.0, -26.699999999999999, 30.0, false, "Gert Sibande", 1043194, "ZA-MP" },
                    { "DC31", 16758.0, -25.699999999999999, 29.300000000000001, false, "Nkangala", 1308129, "ZA-MP" },
                    { "DC32", 27896.0, -25.199999999999999, 31.0, false, "Ehlanzeni", 1688615, "ZA-MP" },
                    { "DC33", 20011.0, -23.600000000000001, 30.800000000000001, false, "Mopani", 1092507, "ZA-LP" },
                    { "DC34", 25597.0, -22.800000000000001, 30.399999999999999, false, "Vhembe", 1294722, "ZA-LP" },
                    { "DC35", 21705.0, -23.699999999999999, 29.300000000000001, false, "Capricorn", 1261463, "ZA-LP" },
                    { "DC36", 44913.0, -24.199999999999999, 28.199999999999999, false, "Waterberg", 679336, "ZA-LP" },
                    { "DC37", 18333.0, -25.5, 27.300000000000001, false, "Bojanala Platinum", 1507505, "ZA-NW" },
                    { "DC38", 28206.0, -25.899999999999999, 25.800000000000001, false, "Ngaka Modiri Molema", 842699, "ZA-NW" },
                    { "DC39", 43764.0, -27.0, 24.800000000000001, false, "Dr Ruth Segomotsi Mompati", 463815, "ZA-NW" },
                    { "DC4", 23331.0, -33.799999999999997, 22.5, false, "Garden Route", 574265, "ZA-WC" },
                    { "DC40", 14671.0, -26.800000000000001, 26.699999999999999, false, "Dr Kenneth Kaunda", 695933, "ZA-NW" },
                    { "DC42", 4185.0, -26.600000000000001, 28.0, false, "Sedibeng", 916484, "ZA-GP" },
                    { "DC43", 10547.0, -30.0, 29.600000000000001, false, "Harry Gwala", 461419, "ZA-KZN" },
                    { "DC44", 10731.0, -30.699999999999999, 29.0, false, "Alfred Nzo", 801344, "ZA-EC" },
                    { "DC45", 27283.0, -27.199999999999999, 23.199999999999999, false, "John Taolo Gaetsewe", 224799, "ZA-NC" },
                    { "DC47", 13528.0, -24.800000000000001, 29.800000000000001, false, "Sekhukhune", 1076840, "ZA-LP" },
                    { "DC48", 4087.0, -26.199999999999999, 27.550000000000001, false, "West Rand", 820995, "ZA-GP" },
                    { "DC5", 38854.0, -32.5, 22.5, false, "Central Karoo", 71011, "ZA-WC" },
                    { "DC6", 126836.0, -29.800000000000001, 18.5, false, "Namakwa", 115842, "ZA-NC" },
                    { "DC7", 103411.0, -30.5, 23.5, false, "Pixley ka Seme", 186351, "ZA-NC" },
                    { "DC8", 102484.0, -27.800000000000001, 21.300000000000001, false, "ZF Mgcawu", 236783, "ZA-NC" },
                    { "DC9", 12836.0, -28.600000000000001, 24.600000000000001, false, "Frances Baard", 382086, "ZA-NC" },
                    { "EKU", 1975.0, -26.149999999999999, 28.350000000000001, true, "Ekurhuleni", 3178470, "ZA-GP" },
                    { "ETH", 2556.0, -29.850000000000001, 30.850000000000001, true, "eThekwini", 3442361, "ZA-KZN" },
                    { "JHB", 1645.0, -26.170000000000002, 27.98, true, "City of Johannesburg", 4434827, "ZA-GP" },
                    { "MAN", 9886.0, -29.149999999999999, 26.449999999999999, true, "Mangaung", 747431, "ZA-FS" },
                    { "NMA", 1959.0, -33.850000000000001, 25.550000000000001, true, "Nelson Mandela Bay", 1152115, "ZA-EC" },
                    { "TSH", 6298.0, -25.699999999999999, 28.350000000000001, true, "City of Tshwane", 2921488, "ZA-GP" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_district_risk_timestamp_id",
                table: "health_checks",
                columns: new[] { "district_code", "risk", "timestamp", "id" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_district_timestamp_id",
                table: "health_checks",
                columns: new[] { "district_code", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_msisdn_timestamp_id",
                table: "health_checks",
                columns: new[] { "msisdn", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_msisdn_trgm",
                table: "health_checks",
                column: "msisdn")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_province_risk_timestamp_id",
                table: "health_checks",
                columns: new[] { "province", "risk", "timestamp", "id" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_province_timestamp_id",
                table: "health_checks",
                columns: new[] { "province", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_risk_timestamp_id",
                table: "health_checks",
                columns: new[] { "risk", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_source_timestamp_id",
                table: "health_checks",
                columns: new[] { "source", "timestamp", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_timestamp_id",
                table: "health_checks",
                columns: new[] { "timestamp", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ux_health_checks_deduplication_id",
                table: "health_checks",
                column: "deduplication_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vaccine_registrations_created_at_id",
                table: "vaccine_registrations",
                columns: new[] { "created_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_vaccine_registrations_mobile_number_created_at_id",
                table: "vaccine_registrations",
                columns: new[] { "mobile_number", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_vaccine_registrations_province_created_at_id",
                table: "vaccine_registrations",
                columns: new[] { "province", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_vaccine_registrations_surname_trgm",
                table: "vaccine_registrations",
                column: "surname")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "health_checks");

            migrationBuilder.DropTable(
                name: "vaccine_registrations");

            migrationBuilder.DropTable(
                name: "districts");
        }
    }
}
