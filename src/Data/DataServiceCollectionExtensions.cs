using Admin.Data.Counting;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Data.Listing.Indexes;
using Admin.Data.Observability;
using Admin.Data.Persistence;
using Admin.Data.Routing;
using Admin.Data.Time;
using Admin.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The primary's NpgsqlDataSource (one pool) for EF Core, COPY and raw SQL alike; reads that tolerate replica lag go
    /// through <see cref="ReadRouting"/> (the standby when ConnectionStrings:AdminRead is set). Every data source is
    /// built by <see cref="AdminDataSources"/>.
    /// </summary>
    public static IServiceCollection AddAdminData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o =>
            {
                o.ConnectionString = Fallback(o.ConnectionString, configuration.GetConnectionString("Admin"));
                o.ReadConnectionString = Fallback(o.ReadConnectionString, configuration.GetConnectionString("AdminRead"));
                o.DirectConnectionString = Fallback(o.DirectConnectionString, configuration.GetConnectionString("AdminDirect"));
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "No database configured: set ConnectionStrings:Admin (or run ./admin.sh run, which starts a local PostgreSQL).")
            .ValidateOnStart();
        services.AddOptions<ReadRoutingOptions>().Bind(configuration.GetSection(ReadRoutingOptions.Section));
        // The display time zone: times shown and entered in the UI, and the rollups' days (an unknown zone stops start-up).
        services.AddOptions<DisplayOptions>().Bind(configuration.GetSection(DisplayOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DisplayOptions>, DisplayOptionsValidator>());
        services.TryAddSingleton(sp => new DisplayTimeZone(sp.GetRequiredService<IOptions<DisplayOptions>>().Value.TimeZone));

        services.AddSingleton<AdminDataSources>();
        services.AddSingleton(sp => sp.GetRequiredService<AdminDataSources>().Primary);
        services.AddSingleton<ReplicaMonitor>();
        services.AddSingleton<ReadRouting>();
        services.AddSingleton<ReadContextFactory>();
        // Npgsql's log events and statement spans on every data source (AdminDataSources builds them all).
        services.AddSingleton<INpgsqlDataSourceConfigurator, ObservedDataSources>();
        services.AddDbContextPool<AdminDbContext>((sp, o) => ConfigureNpgsql(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<ReadSource>(sp => sp.GetRequiredService<ReadRouting>());
        services.AddSingleton<TableSizeEstimator>();
        services.AddOptions<CountOptions>().Bind(configuration.GetSection(CountOptions.Section));
        services.AddSingleton<RollupCounter>();
        services.AddSingleton<RollupTimeline>();
        services.AddSingleton<RowCounter>();
        services.AddSingleton(sp => new TableLister(sp.GetRequiredService<ReadContextFactory>(), sp.GetRequiredService<ReadSource>()));
        services.AddSingleton<Audit.RecordHistory>();
        services.AddSingleton<Audit.AuditLog>();
        // The overview's reads: whole-table counts, a person's recent searches, the export queue.
        services.AddSingleton<TableCounter>();
        services.AddSingleton<Audit.RecentSearches>();
        services.AddSingleton<Exports.ExportQueue>();
        services.AddSingleton<Preferences.ColumnChoiceStore>();
        services.AddAdminTables();
        services.TryAddSingleton(TimeProvider.System);
        // The rules a posted or edited HealthCheck must pass (API and edit form alike).
        services.AddSingleton<HealthCheckValidator>();
        services.AddSingleton<Editing.HealthCheckEditor>();
        services.AddDbContextFactory<AdminDbContext>((sp, o) => ConfigureNpgsql(o, sp.GetRequiredService<NpgsqlDataSource>()), ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>Refuses to serve what no index covers: run by the web host at startup.</summary>
    public static IServiceCollection AddIndexCoverageCheck(this IServiceCollection services) =>
        services.AddHostedService<IndexCoverageCheck>();

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, Npgsql).UseSnakeCaseNamingConvention();

    /// <summary>Warms the pools' first connections at start-up: web hosts only.</summary>
    public static IServiceCollection AddPoolWarmup(this IServiceCollection services) =>
        services.AddHostedService<PoolWarmup>();

    /// <summary>The replica monitor's probe loop: web hosts only (CLI verbs read the primary).</summary>
    public static IServiceCollection AddReplicaMonitor(this IServiceCollection services) =>
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaMonitor>());

    private static string Fallback(string value, string? fallback) => string.IsNullOrWhiteSpace(value) ? fallback ?? "" : value;

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, NpgsqlConnection connection) =>
        options.UseNpgsql(connection, contextOwnsConnection: true, Npgsql).UseSnakeCaseNamingConvention();

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Npgsql).UseSnakeCaseNamingConvention();

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable("__ef_migrations_history");
}
