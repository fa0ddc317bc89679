using System.Text.Json;
using Admin.Data.Audit;
using Admin.Data.Persistence;
using Admin.Data.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admin.Security;

/// <summary>
/// Managing accounts: create, reset a password (a one-time password each time), change the role, lock and unlock, each
/// with an audit entry. Every change that could take away an admin keeps at least one admin who can log in, under a
/// lock so that two admins demoting each other at the same moment cannot both succeed.
/// </summary>
public sealed class UserAccounts(UserManager<AdminUser> users, AdminDbContext db, AuditLog audit)
{
    // One change of roles or lockouts at a time, across app nodes (a PostgreSQL advisory lock, held by the transaction).
    private const long ChangeLock = 72100501;

    public sealed record Created(AdminUser User, string OneTimePassword);

    /// <summary>A user as the users page lists them.</summary>
    public sealed record Summary(string Id, string UserName, string? Role, DateTimeOffset? LockoutEnd, bool MustChangePassword, DateTimeOffset CreatedAt, int FailedLogins)
    {
        public bool IsLockedOut => LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
    }

    public async Task<IReadOnlyList<Summary>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.LockoutEnd, u.MustChangePassword, u.CreatedAt, u.AccessFailedCount,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(u => new Summary(u.Id, u.UserName ?? "", Roles.All.FirstOrDefault(u.Roles.Contains), u.LockoutEnd,
            u.MustChangePassword, u.CreatedAt, u.AccessFailedCount)).ToList();
    }

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

    /// <summary>An admin creates a user from the users page: as <see cref="CreateAsync"/>, once the one acting is checked.</summary>
    public async Task<(Created? Created, IReadOnlyList<string> Errors)> CreateByAdminAsync(string userName, string role, Actor by) =>
        await ActingAdminProblemAsync(by) is { } problem ? (null, [problem]) : await CreateAsync(userName, role, by);

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

    /// <summary>An admin resets someone else's password (their own they change themselves, knowing the old one).</summary>
    public async Task<(string? Password, IReadOnlyList<string> Errors)> ResetPasswordAsync(string userId, Actor by)
    {
        if (await ActingAdminProblemAsync(by) is { } problem) return (null, [problem]);
        if (userId == by.Id) return (null, ["Change your own password with \"Password\" at the top of the page."]);
        var user = await users.FindByIdAsync(userId);
        return user is null ? (null, ["There is no such user."]) : (await ResetPasswordAsync(user, by), []);
    }

    /// <summary>
    /// Gives the user exactly <paramref name="role"/>. Their open sessions re-check (security stamp) and lose what the
    /// old role allowed. Refused when it would leave no admin who can log in.
    /// </summary>
    public Task<IReadOnlyList<string>> ChangeRoleAsync(string userId, string role, Actor by) =>
        !Roles.IsKnown(role)
            ? Task.FromResult<IReadOnlyList<string>>([$"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}."])
            : GuardedAsync(userId, by, async user =>
            {
                var current = await users.GetRolesAsync(user);
                if (current.Count == 1 && current[0] == role) return [];
                if (current.Contains(Roles.Admin) && role != Roles.Admin && await OtherActiveAdminsAsync(user.Id) == 0)
                    return [$"{user.UserName} is the last admin who can log in. Make someone else an admin first."];
                var removed = await users.RemoveFromRolesAsync(user, current);
                var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
                if (!added.Succeeded) return added.Errors.Select(e => e.Description).ToList();
                await users.UpdateSecurityStampAsync(user);
                await audit.WriteAsync(Entry(by, AuditActions.RoleChanged, user, new { from = string.Join(",", current), to = role }));
                return [];
            });

    /// <summary>Locks the account until an admin unlocks it; open sessions end at their next check. Never your own, never the last admin.</summary>
    public Task<IReadOnlyList<string>> LockAsync(string userId, Actor by) =>
        GuardedAsync(userId, by, async user =>
        {
            if (user.Id == by.Id) return ["You cannot lock your own account."];
            if (await users.IsInRoleAsync(user, Roles.Admin) && await OtherActiveAdminsAsync(user.Id) == 0)
                return [$"{user.UserName} is the last admin who can log in and cannot be locked."];
            await users.SetLockoutEnabledAsync(user, true);
            var locked = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            if (!locked.Succeeded) return locked.Errors.Select(e => e.Description).ToList();
            await users.UpdateSecurityStampAsync(user);
            await audit.WriteAsync(Entry(by, AuditActions.UserChanged, user, new { change = "locked" }));
            return [];
        });

    /// <summary>Ends a lockout (an admin's lock or one after failed logins) and forgets the failed attempts.</summary>
    public Task<IReadOnlyList<string>> UnlockAsync(string userId, Actor by) =>
        GuardedAsync(userId, by, async user =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            if (!unlocked.Succeeded) return unlocked.Errors.Select(e => e.Description).ToList();
            await users.ResetAccessFailedCountAsync(user);
            await audit.WriteAsync(Entry(by, AuditActions.UserChanged, user, new { change = "unlocked" }));
            return [];
        });

    /// <summary>
    /// Runs a change in one transaction under the change lock, after checking that the one acting is still an admin who
    /// can log in (a circuit's view of its user can be minutes old). The audit entry is written before the commit: a
    /// change may be recorded and then fail, never happen unrecorded.
    /// </summary>
    private async Task<IReadOnlyList<string>> GuardedAsync(string userId, Actor by, Func<AdminUser, Task<IReadOnlyList<string>>> change)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChangeLock})");
        if (await ActingAdminProblemAsync(by) is { } problem) return [problem];
        var user = await users.FindByIdAsync(userId);
        if (user is null) return ["There is no such user."];
        var errors = await change(user);
        if (errors.Count == 0) await tx.CommitAsync();
        return errors;
    }

    private async Task<string?> ActingAdminProblemAsync(Actor by)
    {
        var actor = by.Id is null ? null : await users.FindByIdAsync(by.Id);
        return actor is not null && !await users.IsLockedOutAsync(actor) && await users.IsInRoleAsync(actor, Roles.Admin)
            ? null
            : "Only an admin can manage users, and your account is no longer one. Log in again.";
    }

    /// <summary>Admins, other than <paramref name="userId"/>, who are not locked out.</summary>
    private Task<int> OtherActiveAdminsAsync(string userId)
    {
        var now = DateTimeOffset.UtcNow;
        return (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == Roles.Admin && u.Id != userId && (u.LockoutEnd == null || u.LockoutEnd <= now)
                select u.Id).Distinct().CountAsync();
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
