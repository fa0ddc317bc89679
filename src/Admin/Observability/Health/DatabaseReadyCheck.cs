using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Observability.Health;

/// <summary>Unhealthy unless the database answers SELECT 1 within <see cref="HealthOptions.DatabaseTimeout"/>.</summary>
public sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.DatabaseTimeout;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await using var cmd = dataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(timeout.Token);
            // The cancellation can lose the race against a quick answer (its timer is coarser than the limit may be).
            return clock.Elapsed <= limit
                ? HealthCheckResult.Healthy("answers")
                : HealthCheckResult.Unhealthy($"answered in {clock.Elapsed.TotalMilliseconds:0.#} ms, over the {limit.TotalMilliseconds:0.###} ms limit");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"no answer within {limit.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The probe says why, never how (no connection string or stack in the response).
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}
