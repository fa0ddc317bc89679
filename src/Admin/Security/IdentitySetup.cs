using Admin.Data.Persistence;
using Admin.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Admin.Security;

public static class IdentitySetup
{
    /// <summary>Users, roles and the password and lockout rules: shared by the web app and the <c>create-user</c> verb.</summary>
    public static IdentityBuilder AddAdminIdentityCore(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((o, options) =>
            {
                var security = options.Value;
                o.Password.RequiredLength = security.PasswordMinLength;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = security.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            });
        return services.AddIdentityCore<AdminUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AdminDbContext>()
            .AddPasswordValidator<NotUserNamePasswordValidator>();
    }
}
