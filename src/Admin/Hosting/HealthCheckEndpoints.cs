using Admin.Observability.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Admin.Hosting;

/// <summary>
/// Load-balancer probes: live = the process answers; ready = the database answers in time (else Unhealthy, 503), and
/// the rollups are fresh and the export worker polls (else Degraded, still 200: the node serves, an operator should
/// look). Anonymous: the JSON body names each check and its state, never a connection string or a stack.
/// </summary>
public static class HealthCheckEndpoints
{
    private const string ReadyTag = "ready";
    public const string ReplicaTag = "replica";

    public static IHostApplicationBuilder AddAdminHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.Section));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag])
            .AddCheck<RollupFreshnessCheck>("rollups", tags: [ReadyTag])
            .AddCheck<ExportWorkerCheck>("export-worker", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapAdminHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportJson.WriteAsync,
        }).AllowAnonymous();
        // This node's view of the standby: "Healthy: standby 0.2 s behind, serving reads" or why reads fell back to the primary.
        // Degraded still answers 200: the node serves, from the primary.
        app.MapHealthChecks("/healthz/replica", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReplicaTag),
            ResponseWriter = (context, report) => context.Response.WriteAsync(
                string.Join("\n", report.Entries.Select(e => $"{e.Value.Status}: {e.Value.Description}"))),
        }).AllowAnonymous();
        return app;
    }
}
