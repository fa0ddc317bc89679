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
    private static bool _templateReady;

    private TestDatabase(string name, string connectionString)
    {
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
    public static async Task<TestDatabase> CreateAsync()
    {
        await EnsureTemplateAsync();
        return await CreateFromAsync(TemplateName);
    }

    /// <summary>An empty database with no schema, for tests of the migrations themselves.</summary>
    public static Task<TestDatabase> CreateEmptyAsync() => CreateFromAsync("template0");

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

    private static async Task<TestDatabase> CreateFromAsync(string template)
    {
        var name = "admin_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = await OpenServerAsync())
        {
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new TestDatabase(name, csb.ConnectionString);
    }

    private static async Task EnsureTemplateAsync()
    {
        if (_templateReady) return;
        await TemplateGate.WaitAsync();
        try
        {
            if (_templateReady) return;
            await using var admin = await OpenServerAsync();
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
                    var csb = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = building, Pooling = false };
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
            _templateReady = true;
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

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var csb = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
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
            await using var admin = await OpenServerAsync();
            await Exec(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The whole cluster is thrown away at the end of the run; a failed drop loses nothing.
        }
    }
}
