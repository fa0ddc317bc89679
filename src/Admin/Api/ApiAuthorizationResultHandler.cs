using Admin.Api.Keys;
using Admin.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Admin.Api;

/// <summary>Says why an API key was refused (which scope or role it lacks), as problem details; everything else as usual.</summary>
public sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || !ApiPaths.IsApi(context.Request.Path) || context.User.Identity?.AuthenticationType != ApiKeyDefaults.Scheme)
            return _default.HandleAsync(next, context, policy, result);

        var reasons = new List<string>();
        foreach (var failed in result.AuthorizationFailure?.FailedRequirements ?? [])
        {
            switch (failed)
            {
                case ClaimsAuthorizationRequirement { ClaimType: ApiKeyDefaults.ScopeClaim } c:
                    reasons.Add($"it needs the '{string.Join("' or '", c.AllowedValues ?? [])}' scope");
                    break;
                case RolesAuthorizationRequirement r:
                    reasons.Add($"its role ({context.User.PrimaryRole() ?? "none"}) may not see records; keys with role {string.Join(" or ", r.AllowedRoles)} may");
                    break;
            }
        }
        var detail = reasons.Count == 0 ? "This API key may not call this endpoint." : "This API key may not call this endpoint: " + string.Join("; ", reasons) + ".";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
    }
}
