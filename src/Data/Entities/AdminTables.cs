using Admin.Data.Audit;
using Admin.Data.Listing;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Data.Entities;

/// <summary>The lists this app serves. A new table's list is one more line here (README, "Adding a table").</summary>
public static class AdminTables
{
    public static IServiceCollection AddAdminTables(this IServiceCollection services) => services
        .AddRecordList(HealthCheckList.Definition)
        .AddRecordList(VaccineRegistrationList.Definition)
        .AddList(AuditTrailList.Definition);

    /// <summary>The same registry outside a host (the bench, tests).</summary>
    public static TableRegistry Registry { get; } = new(new ServiceCollection().AddAdminTables().BuildServiceProvider().GetServices<TableRegistration>());
}
