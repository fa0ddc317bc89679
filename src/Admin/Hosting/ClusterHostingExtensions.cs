using System.Net;
using Admin.Data;
using Admin.Data.Routing;
using Admin.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Admin.Hosting;

/// <summary>
/// What an app node behind a proxy, beside other nodes, needs: forwarded headers from the configured proxies only, the
/// standby's replay probe, the reader each read is routed for, and a health entry with the standby's lag.
/// </summary>
public static class ClusterHostingExtensions
{
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    public static IHostApplicationBuilder AddAdminCluster(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ForwardedHeadersSection);
        builder.Services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, section));
        builder.Services.AddReplicaMonitor();
        builder.Services.AddScoped<CircuitHandler, ReaderCircuitHandler>();
        builder.Services.AddHealthChecks().AddCheck<ReplicaLagCheck>("replica", tags: [HealthCheckEndpoints.ReplicaTag]);
        return builder;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the trusted proxy saw them (nothing when no proxy is configured).</summary>
    public static WebApplication UseAdminForwardedHeaders(this WebApplication app)
    {
        var o = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (o.KnownProxies.Count > 0 || o.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
        return app;
    }

    /// <summary>After authentication: whose reads these are, for read-your-writes (<see cref="ReadRouting"/>).</summary>
    public static WebApplication UseAdminReadRouting(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using var _ = ReadRouting.ReaderScope(ReaderOf(context.User));
            await next(context);
        });
        return app;
    }

    internal static string? ReaderOf(System.Security.Claims.ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name : null;

    /// <summary>
    /// Only the listed proxies (ForwardedHeaders:KnownProxies, addresses) and networks (ForwardedHeaders:KnownNetworks,
    /// CIDR) are believed; ASP.NET's default of trusting loopback is dropped, so a local process cannot pose as a client.
    /// </summary>
    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfiguration section)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            o.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        // One proxy in front: only its own entry in X-Forwarded-For is believed, not what a client wrote before it.
        o.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
    }

    /// <summary>Every inbound activity of a circuit (events, JS callbacks, renders) reads as the circuit's user.</summary>
    private sealed class ReaderCircuitHandler(IHttpContextAccessor http) : CircuitHandler
    {
        private string? _reader;

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            _reader ??= ReaderOf(http.HttpContext?.User);
            return Task.CompletedTask;
        }

        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                _reader ??= ReaderOf(http.HttpContext?.User);
                using var _ = ReadRouting.ReaderScope(_reader);
                await next(context);
            };
    }

    /// <summary>Healthy: the standby serves reads (or none is configured). Degraded: reads fall back to the primary; the description says why.</summary>
    private sealed class ReplicaLagCheck(ReplicaMonitor monitor) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = monitor.Status;
            var text = status.Describe(monitor.MaxLag);
            var data = new Dictionary<string, object>
            {
                ["lag_seconds"] = status.Lag?.TotalSeconds ?? -1,
                ["reachable"] = status.Reachable,
            };
            return Task.FromResult(!status.Configured || status.Serves(monitor.MaxLag)
                ? HealthCheckResult.Healthy(text, data)
                : HealthCheckResult.Degraded(text, data: data));
        }
    }
}
