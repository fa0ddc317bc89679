using System.Security.Claims;
using Admin.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Admin.Security;

/// <summary>Puts "must change password" into the cookie, so every request can enforce it without a database call.</summary>
public sealed class AdminClaimsFactory(UserManager<AdminUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AdminUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePassword = "admin:must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AdminUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(AdminClaimsFactory.MustChangePassword, "true");

    /// <summary>The one role that decides what the user sees; the most privileged wins if someone holds several.</summary>
    public static string? PrimaryRole(this ClaimsPrincipal user) => Roles.All.FirstOrDefault(user.IsInRole);

    /// <summary>Full phone numbers and names only for roles that need them (issue #5: Admin).</summary>
    public static bool SeesPersonalData(this ClaimsPrincipal user) => user.PrimaryRole() is { } role && Roles.SeesPersonalData(role);

    /// <summary>How rows are presented to this user: masked unless the role may see personal data.</summary>
    public static PersonalDataView ViewOfPersonalData(this ClaimsPrincipal user) => PersonalDataViews.For(user.SeesPersonalData());

    public static bool IsAdmin(this ClaimsPrincipal user) => user.PrimaryRole() == Roles.Admin;
}
