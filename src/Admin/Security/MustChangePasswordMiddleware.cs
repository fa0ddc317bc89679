using Microsoft.AspNetCore.Authorization;

namespace Admin.Security;

/// <summary>A user holding a one-time password reaches nothing but the change-password page (and logout).</summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.MustChangePassword() && !context.Request.Path.StartsWithSegments(AccountPaths.Root) && !IsPublic(context))
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/_blazor"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }
            context.Response.Redirect(AccountPaths.ChangePassword);
            return Task.CompletedTask;
        }
        return next(context);
    }

    // What anyone may fetch (stylesheets, scripts, the error page) is no less open to this user: redirecting the
    // change-password page's own stylesheets here left that page unstyled.
    private static bool IsPublic(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}
