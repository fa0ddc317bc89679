using Admin.Data.Audit;
using Admin.Data.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Admin.Security;

public static class AccountEndpoints
{
    /// <summary>Logout is a POST with an anti-forgery token: a link or image elsewhere cannot log anyone out.</summary>
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost(AccountPaths.Logout, async (HttpContext context, SignInManager<AdminUser> signIn, AuditTrail audit) =>
            {
                // UseAntiforgery only marks a bad token; an endpoint that binds no form must refuse it itself.
                if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                    return Results.Text("This logout request did not come from the app's own page. Use the Log out button.", statusCode: StatusCodes.Status400BadRequest);
                await audit.RecordAsync(AuditActions.Logout);
                await signIn.SignOutAsync();
                return Results.LocalRedirect(AccountPaths.Login);
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute(required: true))
            .ExcludeFromDescription();
        return app;
    }
}
