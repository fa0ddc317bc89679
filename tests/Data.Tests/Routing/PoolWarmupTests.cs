using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using Admin.Data.Routing;
using Admin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Routing;

/// <summary>The start-up warm-up against a real PostgreSQL: distinct backends, each has run the lists' first pages, and the pool keeps them.</summary>
public class PoolWarmupTests
{
    private static readonly TableRegistry Tables = new ServiceCollection().AddAdminTables().BuildServiceProvider().GetRequiredService<TableRegistry>();

    [Fact]
    public async Task Each_warmed_connection_is_its_own_backend_has_read_every_list_and_stays_in_the_pool()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SqlSeed.HealthChecksAsync(db, 50);
        var name = "warmup-" + Guid.NewGuid().ToString("N")[..8];
        await using var sources = Sources(db, name, warm: 3);
        using var statements = StatementRecorder.Start(db);
        using var warmup = new PoolWarmup(sources, Tables, Options.Create(new DatabaseOptions { WarmConnections = 3 }), NullLogger<PoolWarmup>.Instance);
        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!;

        // On each connection: every list's first page, and one per choice filter, filtered by that filter's column.
        var choiceFilters = Tables.All.SelectMany(t => t.Filters.Where(f => f.Kind == FilterKind.Choice).Select(f => (t.Table, f.Column))).ToList();
        Assert.Equal(3 * (Tables.All.Count() + choiceFilters.Count), statements.Where(s => s.StartsWith("SELECT *, xmin FROM", StringComparison.Ordinal)).Count);
        foreach (var (table, column) in choiceFilters)
            Assert.Equal(3, statements.Where(s => s.Contains($"FROM \"{table}\"") && s.Contains($"WHERE \"{column}\" = ")).Count);

        // Returned to the pool, not closed: three idle backends whose last statement was the last list's first page.
        var backends = await db.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{name}' AND state = 'idle'");
        Assert.Equal(3, backends);
        var lastTable = Tables.All.Last().Table;
        Assert.Equal(3, await db.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{name}' AND query LIKE 'SELECT %FROM \"{lastTable}\"%LIMIT%'"));
    }

    [Fact]
    public async Task An_unreachable_database_is_a_warning_not_a_failed_start()
    {
        await using var db = await TestDatabase.CreateAsync();
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var sources = new AdminDataSources(Options.Create(new DatabaseOptions { ConnectionString = unreachable }));
        using var warmup = new PoolWarmup(sources, Tables, Options.Create(new DatabaseOptions { WarmConnections = 2 }), NullLogger<PoolWarmup>.Instance);
        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!;

        Assert.True(warmup.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task The_pool_keeps_the_warmed_connections_unless_the_connection_string_says_otherwise()
    {
        Assert.Equal(4, await MinPoolSizeAsync("Host=localhost", warm: 4));
        Assert.Equal(0, await MinPoolSizeAsync("Host=localhost", warm: 0));
        Assert.Equal(7, await MinPoolSizeAsync("Host=localhost;Minimum Pool Size=7", warm: 4));
        Assert.Equal(2, await MinPoolSizeAsync("Host=localhost;Maximum Pool Size=2", warm: 4));
    }

    [Fact]
    public async Task Pooled_connections_stay_open_half_an_hour_idle_unless_the_connection_string_says_otherwise()
    {
        Assert.Equal(1800, await IdleLifetimeAsync("Host=localhost"));
        Assert.Equal(60, await IdleLifetimeAsync("Host=localhost;Connection Idle Lifetime=60"));
        Assert.Equal(300, await IdleLifetimeAsync("Host=localhost;ConnectionIdleLifetime=300"));
    }

    [Fact]
    public async Task The_pool_opens_at_most_the_configured_connections_unless_the_connection_string_says_otherwise()
    {
        Assert.Equal(24, await MaxPoolSizeAsync("Host=localhost", max: 24));
        Assert.Equal(10, await MaxPoolSizeAsync("Host=localhost", max: 10));
        Assert.Equal(100, await MaxPoolSizeAsync("Host=localhost", max: 0)); // Npgsql's own
        Assert.Equal(50, await MaxPoolSizeAsync("Host=localhost;Maximum Pool Size=50", max: 24));
        Assert.Equal(40, await MaxPoolSizeAsync("Host=localhost;MaxPoolSize=40", max: 24));
    }

    [Fact]
    public async Task The_pool_cap_holds_under_more_requests_than_connections()
    {
        // A burst of 12 requests through a cap of 3: they wait their turn on 3 backends, never open a fourth.
        await using var db = await TestDatabase.CreateAsync();
        const string name = "admin-pool-cap-test";
        await using var sources = new AdminDataSources(Options.Create(new DatabaseOptions
        {
            ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { ApplicationName = name }.ConnectionString,
            MaxConnections = 3,
            WarmConnections = 0,
        }));
        var peak = 0;
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var conn = await sources.Primary.OpenConnectionAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", conn);
            cmd.Parameters.AddWithValue(name);
            var open = Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            lock (sources) peak = Math.Max(peak, open);
            await Task.Delay(50);
        }));
        Assert.InRange(peak, 1, 3);
    }

    private static async Task<int> MaxPoolSizeAsync(string connectionString, int max)
    {
        await using var sources = new AdminDataSources(Options.Create(new DatabaseOptions { ConnectionString = connectionString, MaxConnections = max }));
        return new Npgsql.NpgsqlConnectionStringBuilder(sources.Primary.ConnectionString).MaxPoolSize;
    }

    private static async Task<int> IdleLifetimeAsync(string connectionString)
    {
        await using var sources = new AdminDataSources(Options.Create(new DatabaseOptions { ConnectionString = connectionString }));
        return new Npgsql.NpgsqlConnectionStringBuilder(sources.Primary.ConnectionString).ConnectionIdleLifetime;
    }

    private static async Task<int> MinPoolSizeAsync(string connectionString, int warm)
    {
        await using var sources = new AdminDataSources(Options.Create(new DatabaseOptions { ConnectionString = connectionString, WarmConnections = warm }));
        return new Npgsql.NpgsqlConnectionStringBuilder(sources.Primary.ConnectionString).MinPoolSize;
    }

    private static AdminDataSources Sources(TestDatabase db, string applicationName, int warm) =>
        new(Options.Create(new DatabaseOptions
        {
            ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString) { ApplicationName = applicationName }.ConnectionString,
            WarmConnections = warm,
        }));
}
