using Admin.Data.Entities;
using Admin.Data.Exports;
using Admin.Data.Security;
using Admin.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Admin.Data.Tests.Exports;

/// <summary>The export services and worker as the app registers them, over a database and an export directory of their own.</summary>
public sealed class JobHost : IAsyncDisposable
{
    private bool _started;

    private JobHost(TestDatabase db, ServiceProvider services, string directory) => (Db, Services, Directory) = (db, services, directory);

    public TestDatabase Db { get; }
    public ServiceProvider Services { get; }
    public string Directory { get; }
    public ExportJobStore Store => Services.GetRequiredService<ExportJobStore>();
    public RunningExports Running => Services.GetRequiredService<RunningExports>();
    private ExportJobWorker Worker => Services.GetServices<IHostedService>().OfType<ExportJobWorker>().Single();

    public static async Task<JobHost> CreateAsync(int rows = 0)
    {
        var db = await TestDatabase.CreateAsync();
        if (rows > 0) await SqlSeed.HealthChecksAsync(db, rows);
        var directory = Path.Combine(Path.GetTempPath(), "export-jobs-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = db.ConnectionString,
            ["Exports:Directory"] = directory,
            ["Exports:ProgressInterval"] = "00:00:00.100",
            ["Exports:PollInterval"] = "00:00:00.200",
            ["Exports:HousekeepingInterval"] = "01:00:00",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAdminData(configuration)
            .AddExports(configuration)
            .AddExportWorker()
            .BuildServiceProvider();
        return new JobHost(db, services, directory);
    }

    public async Task StartAsync()
    {
        _started = true;
        await Worker.StartAsync(CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (!_started) return;
        _started = false;
        await Worker.StopAsync(CancellationToken.None);
    }

    public async Task<ExportJob> QueueAsync(string query = "", string role = Roles.Analyst, string format = "csv", long? estimate = null)
    {
        var job = await Store.CreateAsync(new ExportJob
        {
            OwnerId = "user-1", OwnerName = "analyst", Role = role, List = HealthCheckList.Slug, Query = query, Format = format, RowsEstimated = estimate,
        });
        Services.GetRequiredService<ExportJobSignal>().Notify();
        return job;
    }

    public async Task<ExportJob> WaitForAsync(Guid id, Func<ExportJob, bool> condition, string what, int seconds = 30)
    {
        ExportJob? job = null;
        await ServerActivity.WaitUntilAsync(async () => (job = await Store.FindAsync(id)) is { } j && condition(j), what, seconds);
        return job!;
    }

    /// <summary>Holds ACCESS EXCLUSIVE on health_checks until disposed: a job's COPY waits on it, running but sending nothing.</summary>
    public async Task<IAsyncDisposable> LockTableAsync()
    {
        var conn = await Db.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("LOCK TABLE health_checks IN ACCESS EXCLUSIVE MODE", conn, tx))
            await cmd.ExecuteNonQueryAsync();
        return new Lock(conn, tx);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Services.DisposeAsync();
        await Db.DisposeAsync();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    private sealed class Lock(NpgsqlConnection conn, NpgsqlTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await conn.DisposeAsync();
        }
    }
}
