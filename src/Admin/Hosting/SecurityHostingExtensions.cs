using System.Threading.RateLimiting;
using Admin.Data.Persistence;
using Admin.Data.Security;
using Admin.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Admin.Hosting;

public static class SecurityHostingExtensions
{
    /// <summary>
    /// Accounts (Identity on the app's PostgreSQL), cookie sessions, roles with default deny, the audit trail, a login
    /// rate limit, and Data Protection keys in the database so every app node can read every other node's cookies.
    /// </summary>
    public static IHostApplicationBuilder AddAdminSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));

        services.AddDataProtection().SetApplicationName("Admin").PersistKeysToDbContext<AdminDbContext>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "admin.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = AccountPaths.Login;
            o.LogoutPath = AccountPaths.Logout;
            o.AccessDeniedPath = AccountPaths.AccessDenied;
            // The API answers 401/403; only people get redirected to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        // Options are read when first needed, not here: configuration added by a test host arrives after this runs.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>((o, security) => o.ExpireTimeSpan = security.Value.SessionIdleTimeout);
        services.AddAdminIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AdminClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<UserAccounts>();

        // Plain requests re-check the cookie's security stamp this often (circuits: RevalidationInterval): a reset,
        // locked or re-roled account stops working within minutes, not at cookie expiry.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SecurityOptions>>((o, security) => o.ValidationInterval = security.Value.RevalidationInterval);
        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitClientAddress>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditTrail>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Path.StartsWithSegments(AccountPaths.Login)
                    ? RateLimitPartition.GetFixedWindowLimiter("login:" + ctx.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.LoginAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("Too many login attempts from this address. Wait a minute and try again.", ct);
            };
        });
        return builder;
    }

    public static WebApplication UseAdminSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAdminReadRouting();
        // After authentication: API limits are per key. The login limit needs only the address.
        app.UseRateLimiter();
        app.UseAdminApiAudit();
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        return app;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (Api.ApiPaths.IsApi(ctx.Request.Path) && !Api.ApiPaths.IsDocs(ctx.Request.Path))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
