using Admin.Data.Routing;
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
            sp.GetRequiredService<AdminDataSources>(),
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            sp.GetRequiredService<ReadRouting>(),
            sp.GetRequiredService<IOptions<ExportOptions>>().Value.ReadBufferSize));
        services.TryAddSingleton<RecordExporter>();
        // Job leases are session advisory locks: past the pooler (AdminDataSources.Direct).
        services.TryAddSingleton(sp => new ExportJobStore(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Persistence.AdminDbContext>>(),
            sp.GetRequiredService<AdminDataSources>().Direct,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ExportJobRunner>();
        services.TryAddSingleton<RunningExports>();
        services.TryAddSingleton<ExportJobSignal>();
        services.TryAddSingleton<ExportWorkerHeartbeat>();
        return services;
    }

    public static IServiceCollection AddExportWorker(this IServiceCollection services) =>
        services.AddHostedService<ExportJobWorker>();
}
