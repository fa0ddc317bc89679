using System.Net;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Admin.Load.Tests;

/// <summary>
/// The real app on a loopback port (Kestrel: the harness needs a real socket for its WebSockets) over a small seeded
/// database: five weeks of synthetic checks, rolled up, so every journey has rows, filters, hotspots and an audit trail.
/// A planted fault (<see cref="PlantedFault"/>) can make a circuit's handler throw, as a broken page would.
/// </summary>
public sealed class LoadAppFixture : IAsyncLifetime
{
    private AppFactory? _factory;

    public TestDatabase Database { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's Prometheus endpoint (its own Kestrel, on a port the system picks).</summary>
    public Uri MetricsAddress => _factory!.Services.GetRequiredService<Admin.Observability.MetricsServer>().Address!;

    /// <summary>What the app logged at Warning and above (a failed journey's message includes it).</summary>
    public ErrorLog ServerErrors { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var lastDay = new DateOnly(2021, 1, 31);
        await CheckRows.InsertAsync(Database.DataSource, SyntheticChecks.Background(lastDay, days: 35, seed: 4, checksPerMillion: 20));
        await Database.ExecuteAsync("ANALYZE health_checks");
        _factory = new AppFactory(Database.ConnectionString, ServerErrors);
        BaseAddress = _factory.Start();
        await TestRollups.RebuildAsync(Database.DataSource);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }

    private sealed class AppFactory : WebApplicationFactory<Program>
    {
        private readonly string _connectionString;
        private readonly ErrorLog _errors;

        public AppFactory(string connectionString, ErrorLog errors)
        {
            (_connectionString, _errors) = (connectionString, errors);
            UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        }

        public Uri Start()
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new Uri(address + "/");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Admin"] = _connectionString,
                ["Database:ConnectionString"] = "",
                ["Logging:LogLevel:Default"] = "Warning",
                // The fixture rebuilds the rollups once; no periodic refresh transactions beside other test classes.
                ["Hotspots:BackgroundRefresh"] = "false",
                // The Prometheus endpoint on a port the system picks: its fixed one would collide with any other run on the machine.
                ["Metrics:Port"] = "0",
            }));
            builder.ConfigureTestServices(services =>
            {
                services.AddScoped<CircuitHandler, PlantedFault>();
                services.AddTransient<IStartupFilter, PlantedFetchFault>();
                services.AddSingleton<ILoggerProvider>(_errors); // after the app's own logging setup
            });
        }
    }
}
