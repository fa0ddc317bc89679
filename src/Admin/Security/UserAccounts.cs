using System.Text.Json;
using Admin.Data.Audit;
using Admin.Data.Security;
using Microsoft.AspNetCore.Identity;

namespace Admin.Security;

/// <summary>Creating users and resetting passwords, with a one-time password and an audit entry each time.</summary>
public sealed class UserAccounts(UserManager<AdminUser> users, AuditLog audit)
{
    public sealed record Created(AdminUser User, string OneTimePassword);

    /// <summary>Creates a user in one role. Fails with readable messages (name taken, unknown role), writing nothing.</summary>
    public async Task<(Created? Created, IReadOnlyList<string> Errors)> CreateAsync(string userName, string role, Actor by)
    {
        if (!Roles.IsKnown(role))
            return (null, [$"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}."]);
        var user = new AdminUser { UserName = userName.Trim(), MustChangePassword = true, CreatedAt = DateTimeOffset.UtcNow };
        var password = OneTimePassword.New();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return (null, created.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user); // never leave a user without a role
            return (null, added.Errors.Select(e => e.Description).ToList());
        }
        await audit.WriteAsync(Entry(by, AuditActions.UserCreated, user, new { role }));
        return (new Created(user, password), []);
    }

    /// <summary>A new one-time password; the old one and every open session stop working (security stamp).</summary>
    public async Task<string> ResetPasswordAsync(AdminUser user, Actor by)
    {
        var password = OneTimePassword.New();
        await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        await audit.WriteAsync(Entry(by, AuditActions.UserChanged, user, new { change = "password-reset" }));
        return password;
    }

    internal static AuditEntry Entry(Actor by, string action, AdminUser user, object detail) => new()
    {
        ActorId = by.Id,
        ActorName = by.Name,
        Action = action,
        TableName = "users",
        RecordId = user.Id,
        Detail = JsonSerializer.Serialize(new { user = user.UserName, detail }),
        ClientAddress = by.ClientAddress,
    };
}
