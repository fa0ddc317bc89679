using Admin.Data;
using Admin.Security;
using Admin.Testing;
using Admin.Tests.Ui;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Editing;

/// <summary>A bunit context with the app's real data services over a test database, logged in as one role.</summary>
internal static class EditPageContext
{
    public static BunitContext Create(TestDatabase db, string role) =>
        UiTestContext.Create(services =>
        {
            services.AddAdminData(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Admin"] = db.ConnectionString })
                .Build());
            services.AddLogging();
            services.AddHttpContextAccessor();
            services.AddScoped<CircuitClientAddress>();
            services.AddScoped<CurrentActor>();
            services.AddScoped<AuditTrail>();
        }, role: role);
}
