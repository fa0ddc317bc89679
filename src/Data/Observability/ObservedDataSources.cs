using Admin.Data.Routing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Admin.Data.Observability;

/// <summary>
/// Gives every data source the app builds (primary, standby, direct, exports) the same logging and tracing: Npgsql's
/// own log events go to the host's logger factory, and each command's span carries its parameters for the Performance
/// page (<see cref="StatementCapture"/>).
/// </summary>
public sealed class ObservedDataSources(ILoggerFactory? loggers = null) : INpgsqlDataSourceConfigurator
{
    public void Configure(NpgsqlDataSourceBuilder builder, DataSourceRole role)
    {
        if (loggers is not null) builder.UseLoggerFactory(loggers);
        builder.ConfigureTracing(t => t.ConfigureCommandEnrichmentCallback(StatementCapture.Enrich));
    }
}
