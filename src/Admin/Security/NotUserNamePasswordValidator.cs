using Admin.Data.Security;
using Microsoft.AspNetCore.Identity;

namespace Admin.Security;

/// <summary>Refuses a password that contains the user name: the first thing an attacker tries.</summary>
internal sealed class NotUserNamePasswordValidator : IPasswordValidator<AdminUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AdminUser> manager, AdminUser user, string? password)
    {
        if (password is not null && user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = "The password must not contain the user name." }));
        return Task.FromResult(IdentityResult.Success);
    }
}
