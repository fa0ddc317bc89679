using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Admin.Data.Exports;

public static class ExportServiceCollectionExtensions
{
    /// <summary>The exporter, the job store and runner; the background worker is the host's choice (<see cref="AddExportWorker"/>).</summary>
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ExportDataSource.Create(
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString,
            sp.GetRequiredService<IOptions<ExportOptions>>().Value.ReadBufferSize,
            sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.TryAddSingleton<RecordExporter>();
        services.TryAddSingleton<ExportJobStore>();
        services.TryAddSingleton<ExportJobRunner>();
        services.TryAddSingleton<RunningExports>();
        services.TryAddSingleton<ExportJobSignal>();
        services.TryAddSingleton<ExportWorkerHeartbeat>();
        return services;
    }

    public static IServiceCollection AddExportWorker(this IServiceCollection services) =>
        services.AddHostedService<ExportJobWorker>();
}
