using Admin.Data;
using Admin.Data.Exports;
using Admin.Data.Hotspots;
using Admin.Exports;
using Admin.Security;
using Admin.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>
/// The app's own data, identity and audit services over a test database, for bunit renders of pages that read
/// records, write the audit trail or manage users: the same registrations Program uses, nothing faked.
/// </summary>
internal static class AppServices
{
    public static IServiceCollection AddAppServices(this IServiceCollection services, TestDatabase db, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = db.ConnectionString,
            ["Database:ConnectionString"] = "",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        services.AddLogging();
        services.AddAdminData(configuration);
        services.AddOptions<SecurityOptions>();
        services.AddAdminIdentityCore();
        services.AddScoped<UserAccounts>();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitClientAddress>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditTrail>();
        services.AddMemoryCache();
        services.AddSingleton<Admin.Ui.Layout.ThemePreference>();
        services.AddSingleton<Admin.Ui.Records.ColumnPreferences>();
        // The overview reads the hotspot snapshot (rollups, through their cache).
        services.AddHotspots(configuration);
        services.AddSingleton<Admin.Ui.Overview.OverviewLoader>();
        // The records grid carries the Export menu (no worker: nothing here runs jobs).
        services.AddExports(configuration);
        services.AddScoped<ExportRequests>();
        return services;
    }
}
