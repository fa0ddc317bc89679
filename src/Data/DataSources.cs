using Admin.Data.Observability;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Admin.Data;

/// <summary>
/// Every NpgsqlDataSource the app builds is built here (the app's pool, the export pool, a replica later), so each gets
/// the same logging and tracing: Npgsql's own log events go to the host's logger factory, and each command's span
/// carries its parameters for the Performance page (<see cref="StatementCapture"/>).
/// </summary>
public static class DataSources
{
    public static NpgsqlDataSource Build(string connectionString, ILoggerFactory? loggers, Action<NpgsqlConnectionStringBuilder>? configure = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        configure?.Invoke(builder.ConnectionStringBuilder);
        if (loggers is not null) builder.UseLoggerFactory(loggers);
        builder.ConfigureTracing(t => t.ConfigureCommandEnrichmentCallback(StatementCapture.Enrich));
        return builder.Build();
    }
}
