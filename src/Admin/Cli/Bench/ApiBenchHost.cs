using System.Net;
using System.Net.Http.Headers;
using Admin.Data;
using Admin.Data.ApiKeys;
using Admin.Data.Security;
using Admin.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Cli.Bench;

/// <summary>
/// The API as the web app serves it (same registrations and middleware: key lookup, rate limiter, audit, problem
/// details), on Kestrel at a loopback port, with a bench key (Admin role, read and write) that is revoked afterwards,
/// and the rows the bench posted deleted again. Timings are whole HTTP requests, JSON and all.
/// </summary>
public sealed class ApiBenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Guid _keyId;
    private readonly NpgsqlDataSource _maintenance;

    private ApiBenchHost(WebApplication app, HttpClient client, Guid keyId, string runTag, NpgsqlDataSource maintenance)
    {
        _app = app;
        _maintenance = maintenance;
        Client = client;
        _keyId = keyId;
        RunTag = runTag;
    }

    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    /// <summary>Prefix of the deduplication ids this run posts ("bench-api-…-"), so they can be removed afterwards.</summary>
    public string RunTag { get; }

    public static async Task<ApiBenchHost> StartAsync(IServiceProvider cli, CancellationToken ct)
    {
        var connectionString = cli.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = connectionString,
            ["Database:ConnectionString"] = "",
            ["Api:RateLimitPermits"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.AddAdminData();
        builder.AddAdminSecurity();
        builder.AddAdminApi();
        var app = builder.Build();
        app.UseAdminApiErrors();
        app.UseAdminSecurity();
        app.MapAdminApi();
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var (key, secret) = await app.Services.GetRequiredService<ApiKeyStore>()
            .CreateAsync("bench " + DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                [ApiScopes.Read, ApiScopes.Write], Roles.Admin, DateTimeOffset.UtcNow.AddHours(12), "bench", ct);
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        // Clean-up goes through the verb's own pool: no statement timeout (the web host's is 5 s).
        return new ApiBenchHost(app, client, key.Id, $"bench-api-{Guid.NewGuid():N}-"[..26], cli.GetRequiredService<NpgsqlDataSource>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(_keyId, CancellationToken.None);
        // The bench's posts are measurements, not data: take them out again.
        if (await BenchRows.RemoveAsync(_maintenance, RunTag, CancellationToken.None) > 0)
        {
            // Their dead index entries sit at the end of the feed (the newest transaction ids) and of the grid, where
            // the next run's "end" and first pages would walk over them: vacuum now rather than wait for autovacuum.
            Console.WriteLine("vacuuming health_checks after removing the bench's posts (about a minute at 20M rows)…");
            await BenchRows.VacuumAsync(_maintenance);
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
