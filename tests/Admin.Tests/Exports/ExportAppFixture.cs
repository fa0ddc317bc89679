using Admin.Data.Exports;
using Admin.Data.Persistence;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Exports;

/// <summary>
/// The app over 300 known health checks (75 per province), with a direct-download ceiling of 100 rows so that a
/// province downloads at once and the whole list becomes a background job; exports go to a directory of its own.
/// </summary>
public sealed class ExportAppFixture : IAsyncLifetime
{
    public const int Rows = 300;
    public const int PerProvince = 75;

    public TestDatabase Database { get; private set; } = null!;
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "export-app-" + Guid.NewGuid().ToString("N"));
    private AdminAppFactory _factory = null!;

    public ExportJobStore Store => App.Services.GetRequiredService<ExportJobStore>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await SqlSeed.HealthChecksAsync(Database, Rows);
        await Database.ExecuteAsync("ANALYZE health_checks");
        _factory = new AdminAppFactory(Database.ConnectionString);
        App = _factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Exports:Directory"] = Directory,
            ["Exports:DirectDownloadMaxRows"] = "100",
            ["Exports:ProgressInterval"] = "00:00:00.100",
            ["Exports:PollInterval"] = "00:00:00.200",
        })));
    }

    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>
    /// One logged-in client per user for the whole class: every login comes from the same address, and the login rate
    /// limit (read when the app starts, before a test can raise it) allows ten a minute.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string role, string? userName = null)
    {
        var name = userName ?? role.ToLowerInvariant();
        if (!_clients.TryGetValue(name, out var client))
            _clients[name] = client = await App.CreateClientAsAsync(Database, role, userName);
        return client;
    }

    public Task<string> UserIdAsync(string userName) =>
        Database.ScalarAsync<string>($"SELECT id FROM users WHERE user_name = '{userName}'");

    private readonly List<NpgsqlConnection> _otherNodes = [];

    /// <summary>
    /// Stores a job as another live node would: inserted as running (never queued, so this node's worker cannot claim
    /// and finish it) with its lease lock held on a connection of its own (so housekeeping does not requeue it).
    /// </summary>
    public async Task<ExportJob> AddRunningElsewhereAsync(ExportJob job)
    {
        job.Id = Guid.CreateVersion7();
        job.Status = ExportJobStatus.Running;
        job.StartedAt = job.CreatedAt = DateTimeOffset.UtcNow;
        var node = await Database.DataSource.OpenConnectionAsync();
        _otherNodes.Add(node);
        await using (var tryLock = new NpgsqlCommand(ExportJobLease.TryLockSql, node) { Parameters = { new() { Value = job.Id } } })
            Assert.True(await tryLock.ExecuteScalarAsync() is true);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AdminDbContext>>().CreateDbContextAsync();
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    }

    public async Task<ExportJob> WaitForAsync(Guid id, Func<ExportJob, bool> condition, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await Store.FindAsync(id);
            if (job is not null && condition(job)) return job;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Export job {id} is {job?.Status}.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        foreach (var node in _otherNodes) await node.DisposeAsync();
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
