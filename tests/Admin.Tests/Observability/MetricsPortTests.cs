using System.Net;
using System.Net.Sockets;
using Admin.Observability;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Admin.Tests.Observability;

/// <summary>A second node on one machine with the default metrics port: start-up says which setting to change.</summary>
public sealed class MetricsPortTests
{
    [Fact]
    public async Task A_taken_metrics_port_fails_start_up_with_the_setting_to_change()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var meters = Sdk.CreateMeterProviderBuilder().AddPrometheusExporter().Build();
        await using var server = new MetricsServer(meters, Options.Create(new MetricsOptions { Port = port }), NullLogger<MetricsServer>.Instance);

        var ex = await Assert.ThrowsAsync<IOException>(() => server.StartAsync(default));

        Assert.Contains($"127.0.0.1:{port}", ex.Message);
        Assert.Contains("Metrics__Port", ex.Message);
        Assert.Null(server.Address);
    }
}
