using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Admin.Browser.Tests.Hosting;

/// <summary>
/// The real app (Program) served by Kestrel on a free loopback port, in the test process. A browser needs a real
/// socket (TestServer has none) and in-process hosting means no child process to leak, the same configuration
/// hooks as the host tests, and the StatementRecorder sees the app's SQL.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public KestrelAppFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string?>();
        // Port 0: the OS picks a free port, so parallel runs (and the other engineers' apps) never collide.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server (once) and returns its address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no addresses; is it Kestrel?");
        return new Uri(addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: static web assets (_framework, _content, the top-level wwwroot) resolve from the build output.
        builder.UseEnvironment(Environments.Development);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = _connectionString,
            ["Database:ConnectionString"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
            // No Prometheus endpoint unless a test asks for one (port 0: a free port); 9464 would collide across hosts.
            ["Metrics:Port"] = "-1",
        }.Where(kv => !_settings.ContainsKey(kv.Key)).Concat(_settings)));
    }
}
