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
        app.MapPost(AccountPaths.Logout, async (SignInManager<AdminUser> signIn, AuditTrail audit) =>
            {
                await audit.RecordAsync(AuditActions.Logout);
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(AccountPaths.Login);
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute(required: true))
            .ExcludeFromDescription();
        return app;
    }
}
