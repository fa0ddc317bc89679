using Admin.Data.Counting;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Data.Listing.Indexes;
using Admin.Data.Persistence;
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
    /// <summary>One NpgsqlDataSource (one pool) for EF Core, COPY and raw SQL alike.</summary>
    public static IServiceCollection AddAdminData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(o => o.ConnectionString = string.IsNullOrWhiteSpace(o.ConnectionString)
                ? configuration.GetConnectionString("Admin") ?? ""
                : o.ConnectionString)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "No database configured: set ConnectionStrings:Admin (or run ./admin.sh run, which starts a local PostgreSQL).")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return DataSources.Build(options.ConnectionString, sp.GetService<ILoggerFactory>(), csb =>
            {
                csb.ApplicationName ??= "admin";
                if (options.StatementTimeout > TimeSpan.Zero && string.IsNullOrEmpty(csb.Options))
                    csb.Options = $"-c statement_timeout={(long)options.StatementTimeout.TotalMilliseconds}";
            });
        });
        services.AddDbContextPool<AdminDbContext>((sp, o) => ConfigureNpgsql(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<TableSizeEstimator>();
        services.AddOptions<CountOptions>().Bind(configuration.GetSection(CountOptions.Section));
        services.AddSingleton<RollupCounter>();
        services.AddSingleton<RowCounter>();
        services.AddSingleton<TableLister>();
        services.AddSingleton<Audit.RecordHistory>();
        services.AddSingleton<Audit.AuditLog>();
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

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Npgsql).UseSnakeCaseNamingConvention();

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable("__ef_migrations_history");
}
