using Admin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Tests.Persistence;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_create_every_declared_index_and_turn_query_jit_off()
    {
        await using var db = await TestDatabase.CreateEmptyAsync();
        await using (var ctx = db.CreateDbContext())
        {
            await ctx.Database.MigrateAsync();
            Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());

            var declared = ctx.Model.GetEntityTypes()
                .SelectMany(e => e.GetIndexes().Select(i => i.GetDatabaseName()))
                .ToHashSet();
            var actual = new HashSet<string>();
            await using var cmd = db.DataSource.CreateCommand("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) actual.Add(reader.GetString(0));
            Assert.Subset(actual, declared!);
        }
        Assert.Equal(52L, await db.ScalarAsync<long>("SELECT count(*) FROM districts"));
        // A database setting: sessions opened after the migration start with it, whatever their connection string says.
        await using var fresh = new Npgsql.NpgsqlConnection(db.ConnectionString + ";Pooling=false");
        await fresh.OpenAsync();
        await using var show = new Npgsql.NpgsqlCommand("SHOW jit", fresh);
        Assert.Equal("off", await show.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_choice_filter_column_and_the_prefix_searched_number_sample_a_large_statistics_target_and_autovacuum_is_sized_for_the_table()
    {
        // Rare filter values (risk "critical") are only estimated well from a larger ANALYZE sample (StatisticsSql).
        await using var db = await TestDatabase.CreateAsync();
        // So is the range of numbers a prefix search covers (an estimate too low sorts every match).
        var filterColumns = Admin.Data.Entities.HealthCheckList.Definition.Filters
            .Where(f => f.Kind == Admin.Data.Listing.Definitions.FilterKind.Choice).Select(f => f.Column)
            .Concat(Admin.Data.Entities.HealthCheckList.Definition.Searches
                .Where(s => s.Index == Admin.Data.Listing.Definitions.SearchIndex.BtreeThenOrdering).Select(s => s.Column))
            .ToList();
        Assert.NotEmpty(filterColumns);
        foreach (var column in filterColumns)
            Assert.Equal(1000, await db.ScalarAsync<int>(
                $"SELECT attstattarget::int FROM pg_attribute WHERE attrelid = 'health_checks'::regclass AND attname = '{column}'"));
        var options = await db.ScalarAsync<string[]>("SELECT reloptions FROM pg_class WHERE oid = 'health_checks'::regclass");
        Assert.Contains("autovacuum_analyze_scale_factor=0.01", options);
        Assert.Contains("autovacuum_vacuum_insert_scale_factor=0.02", options);
        // The audit trail's count is index-only while its visibility map keeps up with its inserts.
        Assert.Equal(["autovacuum_vacuum_insert_scale_factor=0.01"],
            await db.ScalarAsync<string[]>("SELECT reloptions FROM pg_class WHERE oid = 'audit_entries'::regclass"));
    }

    [Fact]
    public async Task The_phone_index_serves_prefix_search()
    {
        // A "C" collation on msisdn is what lets LIKE 'prefix%' use the btree (NOTES §4).
        await using var db = await TestDatabase.CreateAsync();
        // One connection: a pooled command's SET would be reset before the EXPLAIN.
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using (var set = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", conn)) await set.ExecuteNonQueryAsync();
        await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN (FORMAT TEXT) SELECT id FROM health_checks WHERE msisdn LIKE '+278212%'", conn);
        var plan = (string)(await explain.ExecuteScalarAsync())!;
        Assert.Contains("ix_health_checks_msisdn on", plan);
    }

    [Fact]
    public async Task Check_constraints_refuse_values_outside_the_closed_sets()
    {
        await using var db = await TestDatabase.CreateAsync();
        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync("""
            INSERT INTO health_checks (id, deduplication_id, msisdn, source, province, age, exposure, risk, fever, cough, sore_throat, tracing, completed_timestamp, timestamp, created_by)
            VALUES (gen_random_uuid(), 'x', '+27821234567', 'WhatsApp', 'ZA-GT', '18-40', 'no', 'low', false, false, false, false, now(), now(), 't')
            """));
        Assert.Equal("ck_health_checks_province", ex.ConstraintName);
    }

    // The checks are written for COPY speed (PhoneNumberCheck); they must still mean exactly \A\+27[6-8][0-9]{8}\z.
    private static readonly string[] PhoneCandidates =
    [
        "+27821234567", "+27612345678", "+27799999999", "+27800000000",
        "+27521234567", "+27921234567", "+2782123456", "+278212345678", "27821234567", "+27 82123456",
        "+2782123456a", "+27821234567\n", "\n+2782123456", "+2782123456\u0663", "+2782123456\uFF17",
        "+27\u0668\u0662\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "+2782123-567", "++7821234567", "",
    ];

    [Fact]
    public async Task Phone_number_checks_accept_exactly_a_South_African_mobile_number()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var inserts = new (string Sql, string Constraint)[]
        {
            ("""
             INSERT INTO health_checks (id, deduplication_id, msisdn, source, province, age, exposure, risk, fever, cough, sore_throat, tracing, completed_timestamp, timestamp, created_by)
             VALUES (gen_random_uuid(), gen_random_uuid()::text, @p, 'WhatsApp', 'ZA-GP', '18-40', 'no', 'low', false, false, false, false, now(), now(), 't')
             """, "ck_health_checks_msisdn"),
            ("""
             INSERT INTO vaccine_registrations (gender, first_name, surname, date_of_birth, mobile_number, province, created_at)
             VALUES ('Female', 'A', 'B', '1980-01-01', @p, 'ZA-GP', now())
             """, "ck_vaccine_registrations_mobile_number"),
        };
        var accepted = 0;
        foreach (var candidate in PhoneCandidates)
        {
            var expected = System.Text.RegularExpressions.Regex.IsMatch(candidate, @"\A\+27[6-8][0-9]{8}\z");
            accepted += expected ? 1 : 0;
            foreach (var (sql, constraint) in inserts)
            {
                await using var cmd = new Npgsql.NpgsqlCommand(sql, conn) { Parameters = { new("p", candidate) } };
                if (expected)
                {
                    Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
                    continue;
                }
                var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => cmd.ExecuteNonQueryAsync());
                Assert.True(constraint == ex.ConstraintName, $"'{candidate}': {ex.MessageText}");
            }
        }
        Assert.Equal(4, accepted);
    }
}
