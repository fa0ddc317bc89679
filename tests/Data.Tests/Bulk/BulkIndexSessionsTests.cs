using Admin.Data.Bulk;
using Admin.Data.Entities;
using Admin.Data.Listing.Indexes;
using Admin.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Admin.Data.Tests.Bulk;

/// <summary>
/// A bulk load into an empty table commits its heap, then builds its indexes from two sessions. Whatever stops it there
/// (a cancel, a killed connection) is undone: the table empty again with every index, key and foreign key, in the same
/// call or at the next load's start.
/// </summary>
public class BulkIndexSessionsTests
{
    private const string Recovery = "SELECT count(*) FROM bulk_load_recovery";

    [Fact]
    public async Task One_session_and_two_give_the_same_schema_and_rows_and_leave_no_recovery_row()
    {
        await using var one = await TestDatabase.CreateAsync();
        await using var two = await TestDatabase.CreateAsync();
        var schemaBefore = await one.ScalarAsync<string>(BulkLoaderTests.SchemaSql);

        var serial = await new BulkLoader(one.ConnectionString).LoadAsync(new BulkLoadOptions { Rows = 8_000, Seed = 3, VaccineRows = 400, IndexSessions = 1 });
        var parallel = await new BulkLoader(two.ConnectionString).LoadAsync(new BulkLoadOptions { Rows = 8_000, Seed = 3, VaccineRows = 400, IndexSessions = 2 });

        Assert.Equal(schemaBefore, await one.ScalarAsync<string>(BulkLoaderTests.SchemaSql));
        Assert.Equal(schemaBefore, await two.ScalarAsync<string>(BulkLoaderTests.SchemaSql));
        Assert.Equal(serial.HealthChecks!.IndexBuilds.Select(b => b.Name).Order(), parallel.HealthChecks!.IndexBuilds.Select(b => b.Name).Order());
        const string digest = "SELECT md5(string_agg(deduplication_id || risk || msisdn, ',' ORDER BY deduplication_id)) FROM health_checks";
        Assert.Equal(await one.ScalarAsync<string>(digest), await two.ScalarAsync<string>(digest));
        Assert.Equal(400L, await two.ScalarAsync<long>("SELECT count(*) FROM vaccine_registrations"));
        Assert.Equal(0L, await two.ScalarAsync<long>(Recovery));
        // The keys are constraints again, on the indexes the sessions built.
        Assert.True(await two.ScalarAsync<bool>("SELECT count(*) > 0 FROM pg_constraint WHERE conrelid = 'health_checks'::regclass AND contype = 'p'"));
    }

    [Fact]
    public async Task A_load_cancelled_while_two_sessions_build_leaves_the_empty_table_as_it_was()
    {
        await using var db = await TestDatabase.CreateAsync();
        var schemaBefore = await db.ScalarAsync<string>(BulkLoaderTests.SchemaSql);
        using var cts = new CancellationTokenSource();
        var options = new BulkLoadOptions
        {
            Rows = 20_000,
            VaccineRows = 0,
            Progress = p => { if (p.Step == BulkLoadStep.Indexes && p.Done == 3) cts.Cancel(); },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BulkLoader(db.ConnectionString).LoadAsync(options, cts.Token));

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>(BulkLoaderTests.SchemaSql));
        Assert.Equal(0L, await db.ScalarAsync<long>(Recovery));
    }

    [Fact]
    public async Task A_load_whose_connections_die_while_indexing_is_undone_by_the_next_load_before_it_loads()
    {
        await using var db = await TestDatabase.CreateAsync();
        var schemaBefore = await db.ScalarAsync<string>(BulkLoaderTests.SchemaSql);
        var killed = false;
        var options = new BulkLoadOptions
        {
            Rows = 20_000,
            VaccineRows = 0,
            // As if the machine went down: every session of the load ends at once, mid-build.
            Progress = p =>
            {
                if (p.Step != BulkLoadStep.Indexes || p.Done != 2 || killed) return;
                killed = true;
                db.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'admin-seed'").GetAwaiter().GetResult();
            },
        };

        await Assert.ThrowsAnyAsync<Exception>(() => new BulkLoader(db.ConnectionString).LoadAsync(options));
        Assert.True(killed);
        // Left behind: the committed heap without its indexes, and the row that says how to undo it.
        Assert.Equal(1L, await db.ScalarAsync<long>(Recovery));
        Assert.Equal(20_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        Assert.NotEqual(schemaBefore, await db.ScalarAsync<string>(BulkLoaderTests.SchemaSql));
        // The web host would not start on it, and says why.
        var check = new IndexCoverageCheck(db.DataSource, AdminTables.Registry, NullLogger<IndexCoverageCheck>.Instance);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => check.StartAsync(default));
        Assert.Contains("A bulk load into health_checks is building its indexes, or was interrupted", refused.Message);

        var next = await new BulkLoader(db.ConnectionString).LoadAsync(new BulkLoadOptions { Rows = 5_000, VaccineRows = 0 });

        Assert.Equal(["health_checks"], next.Recovered);
        Assert.Equal("bulk", next.HealthChecks!.Mode); // into the emptied table
        Assert.Equal(5_000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        Assert.Equal(schemaBefore, await db.ScalarAsync<string>(BulkLoaderTests.SchemaSql));
        Assert.Equal(0L, await db.ScalarAsync<long>(Recovery));
    }
}
