using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Admin.Hosting;

/// <summary>Load-balancer probes: live = the process answers; ready = it can reach the database. Anonymous: they reveal nothing.</summary>
public static class HealthCheckEndpoints
{
    private const string ReadyTag = "ready";
    public const string ReplicaTag = "replica";

    public static IHostApplicationBuilder AddAdminHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapAdminHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
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

    private sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await using var cmd = dataSource.CreateCommand("SELECT 1");
                await cmd.ExecuteScalarAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                // The probe says why, never how (no connection string or stack in the response).
                return HealthCheckResult.Unhealthy("database unreachable");
            }
        }
    }
}
