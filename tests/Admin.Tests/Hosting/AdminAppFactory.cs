using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Admin.Tests.Hosting;

/// <summary>The real app (Program) in memory over TestServer, its database set by connection string.</summary>
/// <param name="environment">
/// Development by default: static web assets then resolve from the build output (nothing is published for tests).
/// Production serves no static files here, but shows what users see on errors.
/// </param>
/// <param name="settings">Configuration on top of the defaults, e.g. a lower login rate limit.</param>
public sealed class AdminAppFactory(string connectionString, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = connectionString,
            // The Database section wins over ConnectionStrings:Admin; make sure nothing in the environment sets it.
            ["Database:ConnectionString"] = "",
            // appsettings.json logs at Information; test output only needs what went wrong.
            ["Logging:LogLevel:Default"] = "Warning",
            // Test clients share one (unknown) address: the per-address login limit is tested on its own (LoginRateLimitTests).
            ["Security:LoginAttemptsPerMinute"] = "100000",
            // No Prometheus endpoint unless a test asks for one (port 0: a free port); 9464 would collide across hosts.
            ["Metrics:Port"] = "-1",
        }.Where(kv => settings?.ContainsKey(kv.Key) != true).Concat(settings ?? new Dictionary<string, string?>())));
    }
}
