using Admin.Api.Keys;
using Admin.Data.ApiKeys;
using Admin.Data.Security;
using Microsoft.AspNetCore.Authorization;

namespace Admin.Api;

/// <summary>
/// Who may call what. API endpoints accept API keys only (a browser's session cookie does not work there, so no page
/// can be tricked into posting records). Records go to keys whose role may see records (Admin, Analyst), as for people.
/// </summary>
public static class ApiPolicies
{
    public const string Read = "api-read";
    public const string Write = "api-write";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, Scoped(ApiScopes.Read));
        options.AddPolicy(Write, Scoped(ApiScopes.Write));
    }

    private static AuthorizationPolicy Scoped(string scope) =>
        new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyDefaults.ScopeClaim, scope)
            .RequireRole(Roles.Admin, Roles.Analyst)
            .Build();
}
