using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Admin.Tests.Hosting;

/// <summary>The real app (Program) in memory over TestServer, its database set by connection string.</summary>
public sealed class AdminAppFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: static web assets resolve from the build output (nothing is published for tests).
        builder.UseEnvironment(Environments.Development);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = connectionString,
            // The Database section wins over ConnectionStrings:Admin; make sure nothing in the environment sets it.
            ["Database:ConnectionString"] = "",
            // appsettings.json logs at Information; test output only needs what went wrong.
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }
}
