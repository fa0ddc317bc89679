using System.Globalization;
using System.Net;
using Admin.Testing;

namespace Admin.Tests.Hosting;

/// <summary>The app with its database down: probes say so without leaking how it connects, pages degrade politely.</summary>
public sealed class UnreachableDatabaseTests : IAsyncLifetime
{
    private const string Password = "pw-that-must-not-leak";
    private readonly int _port = ClosedPort.Find();
    private AdminAppFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new AdminAppFactory($"Host=127.0.0.1;Port={_port};Database=admin_unreachable;Username=postgres;Password={Password};Timeout=2", "Production");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Ready_answers_503_and_the_body_reveals_nothing()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/healthz/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", body);
        Assert.DoesNotContain(_port.ToString(CultureInfo.InvariantCulture), body);
        AssertRevealsNothing(body);
    }

    [Fact]
    public async Task Live_still_answers_ok()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_send_people_to_log_in_and_reveal_nothing()
    {
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/login", home.Headers.Location?.PathAndQuery);

        // Without the database there is no key ring (Data Protection keys live there), so the form may fail: politely.
        var login = await client.GetAsync("/account/login");
        AssertRevealsNothing(await login.Content.ReadAsStringAsync());
    }

    private static void AssertRevealsNothing(string body)
    {
        Assert.DoesNotContain(Password, body);
        Assert.DoesNotContain("Host=", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at Admin.", body);
        Assert.DoesNotContain(" at Npgsql.", body);
    }
}
