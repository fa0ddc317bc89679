using Admin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Tests.Persistence;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_create_every_declared_index()
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
    }

    [Fact]
    public async Task The_phone_index_serves_prefix_search()
    {
        // A "C" collation on msisdn is what lets LIKE 'prefix%' use the btree (NOTES §4).
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("SET enable_seqscan = off");
        var plan = await db.ScalarAsync<string>("EXPLAIN (FORMAT TEXT) SELECT id FROM health_checks WHERE msisdn LIKE '+278212%'");
        Assert.Contains("ix_health_checks_msisdn", plan);
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
}
