using Admin.Data.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Observability.Health;

/// <summary>Degraded when the hotspot rollups were last refreshed longer ago than <see cref="HealthOptions.RollupMaxAge"/>, or never.</summary>
public sealed class RollupFreshnessCheck(NpgsqlDataSource dataSource, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(o.DatabaseTimeout);
            var refreshed = await RollupFreshness.ReadAsync(dataSource, timeout.Token);
            if (refreshed is not { } at) return HealthCheckResult.Degraded("rollups never built");
            var age = time.GetUtcNow() - at;
            var data = new Dictionary<string, object> { ["refreshedAt"] = at, ["ageSeconds"] = Math.Round(age.TotalSeconds) };
            return age > o.RollupMaxAge
                ? HealthCheckResult.Degraded($"rollups last refreshed {Describe(age)} ago (limit {Describe(o.RollupMaxAge)})", data: data)
                : HealthCheckResult.Healthy($"refreshed {Describe(age)} ago", data);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("rollup watermark unreadable");
        }
    }

    internal static string Describe(TimeSpan t) =>
        t.TotalSeconds < 120 ? $"{t.TotalSeconds:0} s" : t.TotalMinutes < 120 ? $"{t.TotalMinutes:0} min" : t.TotalHours < 48 ? $"{t.TotalHours:0} h" : $"{t.TotalDays:0} days";
}
