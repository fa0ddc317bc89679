using System.Reflection;
using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Admin.Testing;

/// <summary>
/// A fresh, migrated database of its own for one test class, cloned from a template that is migrated once per
/// run, and dropped on dispose. The server is the throwaway cluster `./admin.sh test` starts (ADMIN_TEST_PG).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    // Keyed by the newest migration, so a cluster reused across runs never clones a template from an older schema.
    private static readonly string TemplateName = "admin_test_template_" + LatestMigrationId();
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly HashSet<string> TemplatesReady = [];
    private readonly string _server;

    private TestDatabase(string server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ADMIN_TEST_PG")
        ?? throw new InvalidOperationException(
            "ADMIN_TEST_PG is not set. Run the tests with ./admin.sh test, which starts a throwaway PostgreSQL, " +
            "or point ADMIN_TEST_PG at a PostgreSQL server you can create databases on.");

    /// <summary>An empty database with the schema applied (migrations run once, then cloned).</summary>
    public static Task<TestDatabase> CreateAsync() => CreateOnAsync(ServerConnectionString);

    /// <summary>The same on another server (the replication pair's primary: ADMIN_TEST_PG_PRIMARY).</summary>
    public static async Task<TestDatabase> CreateOnAsync(string server)
    {
        await EnsureTemplateAsync(server);
        return await CreateFromAsync(server, TemplateName);
    }

    /// <summary>An empty database with no schema, for tests of the migrations themselves.</summary>
    public static Task<TestDatabase> CreateEmptyAsync() => CreateFromAsync(ServerConnectionString, "template0");

    /// <summary>This database on another server (a standby of this one: the same name, replicated).</summary>
    public string On(string server) => new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;

    public AdminDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AdminDbContext>();
        options.UseNpgsql(DataSource).UseSnakeCaseNamingConvention();
        return new AdminDbContext(options.Options);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        cmd.CommandTimeout = 300; // seeding a few hundred thousand rows on a busy 2-core machine
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<TestDatabase> CreateFromAsync(string server, string template)
    {
        var name = "admin_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = await OpenServerAsync(server))
        {
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(server, name, csb.ConnectionString);
    }

    private static async Task EnsureTemplateAsync(string server)
    {
        lock (TemplatesReady) if (TemplatesReady.Contains(server)) return;
        await TemplateGate.WaitAsync();
        try
        {
            lock (TemplatesReady) if (TemplatesReady.Contains(server)) return;
            await using var admin = await OpenServerAsync(server);
            // Test assemblies run in parallel processes: one builds the template, the others wait for it.
            await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(72100401)", admin))
                await lockCmd.ExecuteNonQueryAsync();
            try
            {
                await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{TemplateName}'", admin);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    var building = TemplateName + "_building";
                    await Exec(admin, $"DROP DATABASE IF EXISTS {building}");
                    await Exec(admin, $"CREATE DATABASE {building} TEMPLATE template0");
                    var csb = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false };
                    var options = new DbContextOptionsBuilder<AdminDbContext>();
                    options.UseNpgsql(csb.ConnectionString).UseSnakeCaseNamingConvention();
                    await using (var db = new AdminDbContext(options.Options))
                        await db.Database.MigrateAsync();
                    NpgsqlConnection.ClearAllPools();
                    await Exec(admin, $"ALTER DATABASE {building} RENAME TO {TemplateName}");
                }
            }
            finally
            {
                await Exec(admin, "SELECT pg_advisory_unlock(72100401)");
            }
            lock (TemplatesReady) TemplatesReady.Add(server);
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static string LatestMigrationId() =>
        typeof(AdminDbContext).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Max(StringComparer.Ordinal)!
            .ToLowerInvariant();

    private static async Task<NpgsqlConnection> OpenServerAsync(string server)
    {
        var csb = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        var conn = new NpgsqlConnection(csb.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var admin = await OpenServerAsync(_server);
            await Exec(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The whole cluster is thrown away at the end of the run; a failed drop loses nothing.
        }
    }
}
