using Admin.Data.Exports;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Admin.Observability.Health;

/// <summary>Degraded when this node's export worker has not polled its queue within <see cref="HealthOptions.ExportWorkerMaxSilence"/>.</summary>
public sealed class ExportWorkerCheck(ExportWorkerHeartbeat heartbeat, IOptions<ExportOptions> exports, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!exports.Value.RunJobs) return Task.FromResult(HealthCheckResult.Healthy("no worker on this node (Exports:RunJobs is off)"));
        var limit = options.Value.ExportWorkerMaxSilence;
        if (heartbeat.LastPoll is not { } last)
            return Task.FromResult(heartbeat.Started
                ? HealthCheckResult.Degraded("the export worker started but has not polled yet")
                : HealthCheckResult.Degraded("the export worker is not running"));
        var silence = time.GetUtcNow() - last;
        return Task.FromResult(silence > limit
            ? HealthCheckResult.Degraded($"the export worker last polled {RollupFreshnessCheck.Describe(silence)} ago (limit {RollupFreshnessCheck.Describe(limit)})")
            : HealthCheckResult.Healthy($"polled {RollupFreshnessCheck.Describe(silence)} ago"));
    }
}
