using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Admin.Observability;

/// <summary>
/// The Prometheus scrape endpoint, served by a Kestrel of its own on <see cref="MetricsOptions.Port"/> (loopback by
/// default): it answers nothing but <see cref="MetricsOptions.Path"/>, and the app's public port never serves metrics.
/// A second server rather than a second endpoint of the app's, because an explicit Kestrel endpoint would replace the
/// URLs the app is started with (ASPNETCORE_URLS, --urls).
/// </summary>
public sealed class MetricsServer(MeterProvider meters, IOptions<MetricsOptions> options, ILogger<MetricsServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Where it listens, e.g. http://127.0.0.1:9464/metrics (once started).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Port < 0) return;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(o.Address), o.Port));
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: o.Path, configureBranchedPipeline: null, optionsName: null);
        app.Run(c =>
        {
            c.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException inUse)
        {
            await app.DisposeAsync();
            // Say which setting frees it: two nodes on one machine each need their own metrics port.
            throw new IOException($"{ex.Message} The metrics endpoint needs a port of its own: set {MetricsOptions.Section}__Port "
                + "to a free one (each node on a machine its own), or -1 to switch it off.", inUse);
        }
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(new Uri(bound), o.Path);
        logger.LogInformation("Prometheus metrics at {Address}", Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
