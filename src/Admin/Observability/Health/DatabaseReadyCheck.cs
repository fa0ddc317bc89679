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
            await using var cmd = dataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("answers");
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
