using Admin.Data.Bulk;
using Admin.Data.Entities;
using Admin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Tests.Bulk;

/// <summary>The COPY loader against a real PostgreSQL: each test gets a fresh migrated database.</summary>
public class BulkLoaderTests
{
    // Every column of every row (change_xid included), as one digest: rows that come back "unchanged" must match it.
    private const string RowsDigest = "SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM health_checks t";

    internal const string SchemaSql = """
        SELECT string_agg(d, E'\n' ORDER BY d) FROM (
          SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('health_checks', 'vaccine_registrations')
          UNION ALL
          SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated
          FROM pg_constraint WHERE conrelid IN ('health_checks'::regclass, 'vaccine_registrations'::regclass)) s
        """;

    [Fact]
    public async Task Copy_columns_are_the_tables_columns()
    {
        await using var db = await TestDatabase.CreateAsync();
        var hc = await db.ScalarAsync<string>("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'health_checks' AND column_name NOT IN ('change_xid', 'created_xid')");
        // change_xid and created_xid are left out on purpose: their defaults stamp each row with the loading transaction.
        Assert.Equal(hc, string.Join(",", HealthCheckColumns.Table.InsertedNames));
        var vr = await db.ScalarAsync<string>("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'vaccine_registrations' AND column_name <> 'id'");
        Assert.Equal(vr, string.Join(",", VaccineRegistrationCopyWriter.Columns));
    }

    [Theory]
    [InlineData(CopyPath.Encoded)]
    [InlineData(CopyPath.Importer)]
    public async Task Bulk_load_round_trips_rows_and_restores_every_index_and_key(CopyPath path)
    {
        await using var db = await TestDatabase.CreateAsync();
        var schemaBefore = await db.ScalarAsync<string>(SchemaSql);
        var progress = new List<BulkLoadProgress>();

        var result = await new BulkLoader(db.ConnectionString).LoadAsync(new BulkLoadOptions { Rows = 20_000, Seed = 5, BatchSize = 1000, CopyPath = path, Progress = progress.Add });

        Assert.Equal("bulk", result.HealthChecks!.Mode);
        Assert.Equal(20_000, result.HealthChecks.RowsWritten);
        Assert.True(result.HealthChecks.IndexSeconds > 0);
        // Each index and key is timed by name, and together they are the index phase.
        Assert.Contains(result.HealthChecks.IndexBuilds, b => b.Name == "ix_health_checks_timestamp_id" && b.Seconds > 0);
        // The phone windows index is an expression index the model cannot declare: rebuilt from its definition all the same.
        Assert.Contains(result.HealthChecks.IndexBuilds, b => b.Name == Admin.Data.Entities.PhoneWindowsSql.Index);
        Assert.Equal(progress.Last(p => p.Table == "health_checks" && p.Step == BulkLoadStep.Indexes).Total, result.HealthChecks.IndexBuilds.Count);
        // Two sessions build at once: together their builds fit twice in the phase.
        Assert.InRange(result.HealthChecks.IndexBuilds.Sum(b => b.Seconds), 0, 2 * result.HealthChecks.IndexSeconds);
        Assert.Equal(20_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>(SchemaSql));
        Assert.Contains(progress, p => p is { Step: BulkLoadStep.Copy, Done: 20_000 });
        Assert.Contains(progress, p => p.Step == BulkLoadStep.Indexes && p.Done == p.Total && p.Total >= 10);
        // ANALYZE ran: the planner knows the table's size.
        Assert.Equal(20_000, await db.ScalarAsync<float>("SELECT reltuples FROM pg_class WHERE relname = 'health_checks'"));
        // COPY FREEZE into the table truncated in the same transaction: every page is all-visible already.
        Assert.True(await db.ScalarAsync<bool>("SELECT relpages > 0 AND relallvisible = relpages FROM pg_class WHERE relname = 'health_checks'"));

        // Sampled rows equal field by field what the generator produced.
        var expected = new HealthCheckGenerator(5, 20_000).Generate().ToList();
        await using var ctx = db.CreateDbContext();
        foreach (var i in new[] { 0, 1, 777, 12_345, 19_999 })
        {
            var stored = await ctx.Set<HealthCheck>().AsNoTracking().SingleAsync(h => h.DeduplicationId == expected[i].DeduplicationId);
            RowAssert.Equal(expected[i], stored);
        }
        // Whole-table aggregates agree too.
        Assert.Equal(expected.Count(r => r.Risk == Admin.Data.Domain.Risk.High),
            await db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE risk = 'high'"));
        Assert.Equal(expected.Select(r => r.Msisdn).Distinct().Count(),
            (int)await db.ScalarAsync<long>("SELECT count(DISTINCT msisdn) FROM health_checks"));
    }

    [Fact]
    public async Task Reloading_the_same_seed_adds_nothing_and_a_larger_load_adds_only_new_rows()
    {
        await using var db = await TestDatabase.CreateAsync();
        var loader = new BulkLoader(db.ConnectionString);
        await loader.LoadAsync(new BulkLoadOptions { Rows = 10_000, Seed = 9, VaccineRows = 0 });

        var again = await loader.LoadAsync(new BulkLoadOptions { Rows = 10_000, Seed = 9, VaccineRows = 0 });
        Assert.Equal("incremental", again.HealthChecks!.Mode);
        Assert.Equal(0, again.HealthChecks.RowsWritten);
        Assert.Equal(10_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));

        // Twice the rows: the table is rewritten (its rows set aside, the new ones COPYed into the truncated heap, its
        // rows put back). The rows it had come back exactly as they were, change_xid included (the API feed's order).
        var schemaBefore = await db.ScalarAsync<string>(SchemaSql);
        var firstRows = await db.ScalarAsync<string>(RowsDigest);
        var bigger = await loader.LoadAsync(new BulkLoadOptions { Rows = 20_000, Seed = 9, VaccineRows = 0 });
        Assert.Equal("bulk rewrite", bigger.HealthChecks!.Mode);
        Assert.Equal(10_000, bigger.HealthChecks.RowsWritten);
        Assert.Equal(20_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        Assert.Equal(20_000L, await db.ScalarAsync<long>("SELECT count(DISTINCT deduplication_id) FROM health_checks"));
        Assert.Equal(firstRows, await db.ScalarAsync<string>(RowsDigest + " WHERE change_xid < (SELECT max(change_xid) FROM health_checks)"));
        Assert.Equal(10_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE change_xid = (SELECT max(change_xid) FROM health_checks)"));
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>(SchemaSql));

        // A table above RewriteMaxRows merges through a staging table instead (anti-join on deduplication_id).
        var merged = await loader.LoadAsync(new BulkLoadOptions { Rows = 40_000, Seed = 9, VaccineRows = 0, RewriteMaxRows = 1_000 });
        Assert.Equal("bulk merge", merged.HealthChecks!.Mode);
        Assert.Equal(20_000, merged.HealthChecks.RowsWritten);
        Assert.Equal(40_000L, await db.ScalarAsync<long>("SELECT count(DISTINCT deduplication_id) FROM health_checks"));
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>(SchemaSql));

        // Incremental, forced, with a different seed: all new rows, committed in batches.
        var other = await loader.LoadAsync(new BulkLoadOptions { Rows = 5_000, Seed = 10, VaccineRows = 0, Mode = BulkLoadMode.Incremental, CommitRows = 2_000, BatchSize = 500, CopyPath = CopyPath.Importer });
        Assert.Equal(5_000, other.HealthChecks!.RowsWritten);
        Assert.Equal(45_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
    }

    [Theory]
    [InlineData(1_000_000L, "256MB")]
    [InlineData(20_000_000L, "3051MB")]
    [InlineData(200_000_000L, "4096MB")]
    public void Index_build_memory_grows_with_the_load_within_bounds(long rows, string expected) =>
        Assert.Equal(expected, BulkLoadOptions.MaintenanceWorkMemFor(rows));

    [Fact]
    public async Task If_empty_skips_a_table_that_has_rows()
    {
        await using var db = await TestDatabase.CreateAsync();
        var loader = new BulkLoader(db.ConnectionString);
        var first = await loader.LoadAsync(new BulkLoadOptions { Rows = 2_000, IfEmpty = true });
        Assert.Equal(2_000, first.HealthChecks!.RowsWritten);
        var second = await loader.LoadAsync(new BulkLoadOptions { Rows = 3_000, IfEmpty = true });
        Assert.Null(second.HealthChecks);
        Assert.NotEmpty(second.Skipped);
        Assert.Equal(2_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
    }

    [Fact]
    public async Task Vaccine_registrations_load_once_with_identity_ids()
    {
        await using var db = await TestDatabase.CreateAsync();
        var loader = new BulkLoader(db.ConnectionString);
        var result = await loader.LoadAsync(new BulkLoadOptions { Rows = 20_000, Seed = 3 });
        Assert.Equal(1_000, result.Vaccines!.RowsWritten); // rows / 20 by default
        Assert.Equal(1_000L, await db.ScalarAsync<long>("SELECT count(*) FROM vaccine_registrations"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT min(id) FROM vaccine_registrations"));
        Assert.Equal(1_000L, await db.ScalarAsync<long>("SELECT max(id) FROM vaccine_registrations"));
        // Identity order is registration order, as the service wrote them.
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT created_at < lag(created_at) OVER (ORDER BY id) AS back FROM vaccine_registrations) s WHERE back"));

        var expected = new VaccineRegistrationGenerator(3, 1_000, 20_000).Generate().ToList();
        await using var ctx = db.CreateDbContext();
        var stored = await ctx.Set<VaccineRegistration>().AsNoTracking().OrderBy(v => v.Id).ToListAsync();
        for (var i = 0; i < expected.Count; i++) RowAssert.Equal(expected[i], stored[i]);

        var again = await loader.LoadAsync(new BulkLoadOptions { Rows = 20_000, Seed = 3, VaccineRows = 500 });
        Assert.Null(again.Vaccines);
        Assert.Contains(again.Skipped, s => s.Contains("vaccine_registrations", StringComparison.Ordinal));
        Assert.Equal(1_000L, await db.ScalarAsync<long>("SELECT count(*) FROM vaccine_registrations"));
    }

    [Theory]
    [InlineData(CopyPath.Encoded)]
    [InlineData(CopyPath.Importer)]
    public async Task A_cancelled_bulk_load_leaves_the_table_as_it_was(CopyPath path)
    {
        await using var db = await TestDatabase.CreateAsync();
        var schemaBefore = await db.ScalarAsync<string>(SchemaSql);
        using var cts = new CancellationTokenSource();
        var options = new BulkLoadOptions
        {
            Rows = 50_000,
            BatchSize = 1000,
            CopyPath = path,
            // Stop half way through the COPY, as Ctrl-C would.
            Progress = p => { if (p.Step == BulkLoadStep.Copy && p.Done >= 25_000) cts.Cancel(); },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BulkLoader(db.ConnectionString).LoadAsync(options, cts.Token));

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>(SchemaSql));
        // And the next load works normally.
        var result = await new BulkLoader(db.ConnectionString).LoadAsync(new BulkLoadOptions { Rows = 5_000, VaccineRows = 0 });
        Assert.Equal(5_000, result.HealthChecks!.RowsWritten);
    }

    [Fact]
    public async Task A_cancelled_rewrite_of_a_table_with_rows_leaves_them_as_they_were()
    {
        await using var db = await TestDatabase.CreateAsync();
        await new BulkLoader(db.ConnectionString).LoadAsync(new BulkLoadOptions { Rows = 5_000, Seed = 4, VaccineRows = 0 });
        var rowsBefore = await db.ScalarAsync<string>(RowsDigest);
        var schemaBefore = await db.ScalarAsync<string>(SchemaSql);
        using var cts = new CancellationTokenSource();
        var options = new BulkLoadOptions
        {
            Rows = 50_000, Seed = 4, VaccineRows = 0, BatchSize = 1000,
            Progress = p => { if (p.Step == BulkLoadStep.Copy && p.Done >= 25_000) cts.Cancel(); },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BulkLoader(db.ConnectionString).LoadAsync(options, cts.Token));

        Assert.Equal(rowsBefore, await db.ScalarAsync<string>(RowsDigest));
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>(SchemaSql));
    }

    [Fact]
    public async Task A_bulk_load_cancelled_during_index_builds_rolls_back_too()
    {
        await using var db = await TestDatabase.CreateAsync();
        var loader = new BulkLoader(db.ConnectionString);
        await loader.LoadAsync(new BulkLoadOptions { Rows = 3_000, VaccineRows = 0 });
        var schemaBefore = await db.ScalarAsync<string>(SchemaSql);
        using var cts = new CancellationTokenSource();
        var options = new BulkLoadOptions
        {
            Rows = 10_000, // > existing: a bulk merge
            Seed = 77,
            VaccineRows = 0,
            Progress = p => { if (p.Step == BulkLoadStep.Indexes && p.Done == 3) cts.Cancel(); },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loader.LoadAsync(options, cts.Token));

        Assert.Equal(3_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>(SchemaSql));
    }

    [Fact]
    public async Task A_cancelled_incremental_load_keeps_whole_batches_and_a_rerun_completes_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var loader = new BulkLoader(db.ConnectionString);
        using var cts = new CancellationTokenSource();
        var options = new BulkLoadOptions
        {
            Rows = 12_000,
            Seed = 11,
            VaccineRows = 0,
            Mode = BulkLoadMode.Incremental,
            BatchSize = 500,
            CommitRows = 2_000,
            Progress = p => { if (p.Step == BulkLoadStep.Copy && p.Done >= 7_000) cts.Cancel(); },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loader.LoadAsync(options, cts.Token));

        var kept = await db.ScalarAsync<long>("SELECT count(*) FROM health_checks");
        Assert.True(kept is 6_000, $"expected the three committed batches of 2,000, found {kept}");
        // The kept rows are the first rows of the sequence, whole.
        Assert.Equal(HealthCheckGenerator.DeduplicationId(11, 5_999),
            await db.ScalarAsync<string>("SELECT deduplication_id FROM health_checks ORDER BY timestamp DESC, id DESC LIMIT 1"));

        var rerun = await loader.LoadAsync(options with { Progress = null }, CancellationToken.None);
        Assert.Equal(6_000, rerun.HealthChecks!.RowsWritten);
        Assert.Equal(12_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
    }
}
