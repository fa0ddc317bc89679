using Admin.Data.Security;
using Microsoft.AspNetCore.Authorization;

namespace Admin.Security;

/// <summary>What each surface requires. Everything else falls back to "logged in" (default deny).</summary>
public static class Policies
{
    /// <summary>Record lists, detail, search, record exports: admins and analysts.</summary>
    public const string Records = "records";

    /// <summary>Hotspot dashboards and aggregate exports: all three roles.</summary>
    public const string Hotspots = "hotspots";

    /// <summary>Users, roles, API keys, the audit trail, record edits, exact counts.</summary>
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Records, p => p.RequireRole(Roles.Admin, Roles.Analyst));
        options.AddPolicy(Hotspots, p => p.RequireRole(Roles.Admin, Roles.Analyst, Roles.Manager));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
    }
}
