using Admin.Data.Audit;
using Admin.Data.Counting;
using Admin.Data.Domain;
using Admin.Data.Exports;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Overview;

/// <summary>
/// What the overview reads, against a real PostgreSQL and compared with count(*) over the same small data: the weeks and
/// flags from the hotspot snapshot (rollups), the tables counted exactly when small, a person's recent searches from the
/// audit trail, the export queue.
/// </summary>
public sealed class OverviewQueriesTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2021, 1, 31);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Weeks_sum_the_rollups_to_what_count_star_gives_and_the_planted_outbreak_is_flagged()
    {
        var rows = SyntheticChecks.Background(LastDay, days: 90, seed: 7, checksPerMillion: 8)
            .Concat(SyntheticChecks.Outbreak("DC22", -29.60, 30.38, LastDay.AddDays(-6), LastDay, perDay: 16, seed: 5));
        await CheckRows.InsertAsync(_db.DataSource, rows);
        var options = Options.Create(new HotspotOptions());
        await new RollupRefresher(_db.DataSource, options, TimeProvider.System, NullLogger<RollupRefresher>.Instance).RebuildAsync();
        var queries = new HotspotQueries(_db.DataSource, options, TimeProvider.System);
        var extent = await queries.ExtentAsync();

        var overview = WeeklyOverview.From(await queries.SnapshotAsync(WeeklyOverview.PeriodFor(extent.LastDay!.Value, 12)), extent.FirstDay);

        Assert.Equal(await _db.ScalarAsync<DateOnly>($"SELECT max((timestamp AT TIME ZONE '{Admin.Data.Time.DisplayTimeZone.DefaultId}')::date) FROM health_checks"), extent.LastDay);
        Assert.Equal(12, overview.Weeks.Count);
        Assert.Equal(extent.LastDay, overview.Weeks[^1].To);
        foreach (var week in overview.Weeks)
        {
            Assert.Equal(6, week.To.DayNumber - week.From.DayNumber);
            // Days as the rollups count them (RollupDay: the one place that knows where a day begins).
            var range = $"(timestamp AT TIME ZONE '{Admin.Data.Time.DisplayTimeZone.DefaultId}')::date BETWEEN '{week.From:yyyy-MM-dd}' AND '{week.To:yyyy-MM-dd}'";
            Assert.Equal(await _db.ScalarAsync<long>($"SELECT count(*) FROM health_checks WHERE {range}"), week.Checks);
            Assert.Equal(await _db.ScalarAsync<long>($"SELECT count(*) FROM health_checks WHERE {range} AND risk IN ('high', 'critical')"), week.HighRisk);
        }
        Assert.Equal(["DC22"], overview.Flagged.Select(d => d.Code));
    }

    [Fact]
    public async Task Weeks_before_the_first_day_with_data_are_left_out()
    {
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 20, seed: 3, checksPerMillion: 8));
        var options = Options.Create(new HotspotOptions());
        await new RollupRefresher(_db.DataSource, options, TimeProvider.System, NullLogger<RollupRefresher>.Instance).RebuildAsync();
        var queries = new HotspotQueries(_db.DataSource, options, TimeProvider.System);
        var extent = await queries.ExtentAsync();

        var overview = WeeklyOverview.From(await queries.SnapshotAsync(WeeklyOverview.PeriodFor(extent.LastDay!.Value, 12)), extent.FirstDay);

        // 20 days of data: the week holding the first day and the two after it.
        Assert.Equal(3, overview.Weeks.Count);
        Assert.True(overview.Weeks[0].To >= extent.FirstDay);
        Assert.Equal(await _db.ScalarAsync<long>("SELECT count(*) FROM health_checks"), overview.Weeks.Sum(w => w.Checks));
    }

    [Fact]
    public async Task Small_tables_are_counted_exactly_and_big_ones_estimated()
    {
        await _db.InsertHealthChecksAsync(100);
        await _db.ExecuteAsync("ANALYZE");
        var sizes = new TableSizeEstimator(_db.DataSource);
        string[] tables = ["health_checks", "districts", "vaccine_registrations"];

        var counted = await new TableCounter(_db.DataSource, sizes, Options.Create(new CountOptions())).CountAsync(tables);

        Assert.Equal(tables, counted.Select(c => c.Table));
        Assert.All(counted, c => Assert.Equal(CountSource.Exact, c.Source));
        Assert.Equal(100, counted[0].Rows);
        Assert.Equal(await _db.ScalarAsync<long>("SELECT count(*) FROM districts"), counted[1].Rows);
        Assert.Equal(52, counted[1].Rows);
        Assert.Equal(0, counted[2].Rows);

        // Above the ceiling a table is only estimated (100 checks, a ceiling of 60 rows), and no count(*) reads it.
        using var rec = StatementRecorder.Start(_db);
        var big = await new TableCounter(_db.DataSource, sizes, Options.Create(new CountOptions { ExactCeiling = 60 })).CountAsync(["health_checks", "districts"]);
        Assert.Equal(CountSource.Statistics, big[0].Source);
        Assert.Equal(100, big[0].Rows);
        Assert.False(big[0].IsExact);
        Assert.Equal(CountSource.Exact, big[1].Source);
        Assert.Equal(52, big[1].Rows);
        rec.AssertNone(s => SqlText.CountsRows(s) && SqlText.ReadsTable(s, "health_checks"), "counts health_checks");
        rec.AssertAny(s => SqlText.CountsRows(s) && SqlText.ReadsTable(s, "districts"), "counts districts");
        rec.AssertBounded();
    }

    [Fact]
    public async Task A_count_cut_off_by_the_statement_timeout_leaves_the_estimates()
    {
        await _db.InsertHealthChecksAsync(20);
        await _db.ExecuteAsync("CREATE FUNCTION slow_rows() RETURNS bigint LANGUAGE sql AS 'SELECT 1::bigint FROM pg_sleep(1)'");
        await _db.ExecuteAsync("CREATE VIEW slow_table AS SELECT slow_rows() AS n");

        var counted = await new TableCounter(_db.DataSource, new TableSizeEstimator(_db.DataSource),
            Options.Create(new CountOptions { ExactTimeout = TimeSpan.FromMilliseconds(50) })).CountAsync(["health_checks", "slow_table"]);

        Assert.Equal(CountSource.Statistics, counted[0].Source);
        Assert.Equal(20, counted[0].Rows);
        Assert.False(counted[1].IsExact);
    }

    [Fact]
    public async Task Recent_searches_are_the_persons_own_distinct_searches_newest_first()
    {
        var log = new AuditLog(_db.DataSource);
        async Task Write(string id, string name, string action, string? query, string table = "health_checks") =>
            await log.WriteAsync(new AuditEntry { ActorId = id, ActorName = name, Action = action, TableName = table, Query = query });
        await Write("u1", "ana", AuditActions.Search, "province=ZA-GP");
        await Write("u1", "ana", AuditActions.View, null);
        await Write("u2", "bob", AuditActions.Search, "risk=high");
        await Write("u1", "ana", AuditActions.Search, "q=%2B27%2082%20%2A%2A%2A%204567&in=phone");
        await Write("u1", "ana", AuditActions.Search, "province=ZA-GP"); // again: one line, at its newest time
        await Write("u9", "ana", AuditActions.Search, "source=USSD"); // an earlier account of the same name: someone else

        var mine = await new RecentSearches(_db.DataSource).LatestAsync("u1", "ana");

        Assert.Equal(["province=ZA-GP", "q=%2B27%2082%20%2A%2A%2A%204567&in=phone"], mine.Select(s => s.Query));
        Assert.All(mine, s => Assert.Equal("health_checks", s.Table));
        Assert.True(mine[0].At >= mine[1].At);
    }

    [Fact]
    public async Task Recent_searches_read_a_bounded_part_of_the_trail()
    {
        using var rec = StatementRecorder.Start(_db);

        await new RecentSearches(_db.DataSource).LatestAsync("u1", "ana");

        rec.AssertBounded();
        // The plan with sequential scans priced out (the trail is empty here): every line of EXPLAIN.
        await _db.ExecuteAsync("""
            CREATE FUNCTION plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $f$
            BEGIN PERFORM set_config('enable_seqscan', 'off', true); RETURN QUERY EXECUTE 'EXPLAIN ' || q; END $f$
            """);
        var query = RecentSearchesSql.Latest.Replace("$1", "'ana'").Replace("$2", "'u1'").Replace("$3", "500").Replace("$4", "8");
        var plan = await _db.ScalarAsync<string>($"SELECT string_agg(line, E'\\n') FROM plan_of($q${query}$q$) line");
        Assert.Contains("ix_audit_entries_actor_at_id", plan);
    }

    [Fact]
    public async Task The_export_queue_counts_waiting_and_running_jobs()
    {
        await _db.ExecuteAsync("""
            INSERT INTO export_jobs (id, owner_id, owner_name, role, list, query, format, status, created_at, rows_done)
            VALUES (gen_random_uuid(), 'u1', 'ana', 'Analyst', 'health-checks', '', 'csv', 'queued', '2021-02-01 10:00+00', 0),
                   (gen_random_uuid(), 'u1', 'ana', 'Analyst', 'health-checks', '', 'csv', 'queued', '2021-02-01 09:00+00', 0),
                   (gen_random_uuid(), 'u1', 'ana', 'Analyst', 'health-checks', '', 'csv', 'running', '2021-02-01 08:00+00', 0),
                   (gen_random_uuid(), 'u1', 'ana', 'Analyst', 'health-checks', '', 'csv', 'done', '2021-02-01 07:00+00', 0)
            """);

        var queue = await new ExportQueue(_db.DataSource).ReadAsync();

        Assert.Equal(new ExportQueueStatus(2, 1, new DateTimeOffset(2021, 2, 1, 9, 0, 0, TimeSpan.Zero)), queue);
    }
}
