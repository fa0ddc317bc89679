using System.Text.Json;
using Admin.Data.Audit;
using Admin.Data.Security;
using Admin.Security;
using Admin.Testing;
using Admin.Tests.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Security;

/// <summary>
/// The rules of managing users, against the real Identity stores: there is always an admin who can log in, nobody
/// locks themselves out, every change is audited and reaches the person's open sessions (security stamp).
/// </summary>
public sealed class UserAccountsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _services = new ServiceCollection().AddAppServices(_db).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<Actor> ActorAsync(string role, string? name = null)
    {
        var userName = await TestAccounts.EnsureAsync(_db, role, name);
        return new Actor(await TestAccounts.IdOfAsync(_db, userName), userName, role, "10.0.0.1");
    }

    // Each call in a scope of its own, as the users page does.
    private async Task<T> WithAccountsAsync<T>(Func<UserAccounts, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAccounts>());
    }

    private Task<IReadOnlyList<string>> ChangeRoleAsync(string userId, string role, Actor by) => WithAccountsAsync(a => a.ChangeRoleAsync(userId, role, by));

    private Task<IReadOnlyList<string>> LockAsync(string userId, Actor by) => WithAccountsAsync(a => a.LockAsync(userId, by));

    private async Task<string?> RoleOfAsync(string userId) =>
        (await WithAccountsAsync(a => a.ListAsync(default))).Single(u => u.Id == userId).Role;

    private async Task<string> StampOfAsync(string userId)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(userId))!);
    }

    [Fact]
    public async Task The_last_admin_cannot_remove_their_own_admin_role()
    {
        var admin = await ActorAsync(Roles.Admin);

        var errors = await ChangeRoleAsync(admin.Id!, Roles.Analyst, admin);

        Assert.Contains("last admin", Assert.Single(errors));
        Assert.Equal(Roles.Admin, await RoleOfAsync(admin.Id!));
        Assert.Empty(await AuditRows.ListAsync(_db, AuditActions.RoleChanged));
    }

    [Fact]
    public async Task Nobody_can_lock_themselves_out()
    {
        var admin = await ActorAsync(Roles.Admin);
        await ActorAsync(Roles.Admin, "second-admin");

        var errors = await LockAsync(admin.Id!, admin);

        Assert.Contains("your own account", Assert.Single(errors));
        Assert.DoesNotContain(await WithAccountsAsync(a => a.ListAsync(default)), u => u.IsLockedOut);
    }

    [Fact]
    public async Task With_another_admin_an_admin_may_step_down_and_then_the_other_is_the_last()
    {
        var first = await ActorAsync(Roles.Admin);
        var second = await ActorAsync(Roles.Admin, "second-admin");

        Assert.Empty(await ChangeRoleAsync(first.Id!, Roles.Analyst, first));
        var errors = await ChangeRoleAsync(second.Id!, Roles.Manager, second);

        Assert.Equal(Roles.Analyst, await RoleOfAsync(first.Id!));
        Assert.Contains("last admin", Assert.Single(errors));
        Assert.Equal(Roles.Admin, await RoleOfAsync(second.Id!));
    }

    [Fact]
    public async Task A_locked_admin_does_not_count_as_the_admin_who_remains()
    {
        var first = await ActorAsync(Roles.Admin);
        var second = await ActorAsync(Roles.Admin, "second-admin");
        Assert.Empty(await LockAsync(second.Id!, first));

        var errors = await ChangeRoleAsync(first.Id!, Roles.Analyst, first);

        Assert.Contains("last admin", Assert.Single(errors));
    }

    [Fact]
    public async Task A_role_change_is_audited_and_changes_the_security_stamp_so_open_sessions_re_check()
    {
        var admin = await ActorAsync(Roles.Admin);
        var analyst = await ActorAsync(Roles.Analyst);
        var stamp = await StampOfAsync(analyst.Id!);

        Assert.Empty(await ChangeRoleAsync(analyst.Id!, Roles.Manager, admin));

        Assert.Equal(Roles.Manager, await RoleOfAsync(analyst.Id!));
        Assert.NotEqual(stamp, await StampOfAsync(analyst.Id!));
        var entry = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.RoleChanged));
        Assert.Equal(("admin", admin.Id, "users", analyst.Id, "10.0.0.1"), (entry.ActorName, entry.ActorId, entry.TableName, entry.RecordId, entry.ClientAddress));
        using var detail = JsonDocument.Parse(entry.Detail!);
        Assert.Equal("analyst", detail.RootElement.GetProperty("user").GetString());
        Assert.Equal("Analyst", detail.RootElement.GetProperty("detail").GetProperty("from").GetString());
        Assert.Equal("Manager", detail.RootElement.GetProperty("detail").GetProperty("to").GetString());
    }

    [Fact]
    public async Task Lock_unlock_and_reset_are_audited_and_a_lock_ends_sessions()
    {
        var admin = await ActorAsync(Roles.Admin);
        var analyst = await ActorAsync(Roles.Analyst);
        var stamp = await StampOfAsync(analyst.Id!);

        Assert.Empty(await LockAsync(analyst.Id!, admin));
        Assert.True((await WithAccountsAsync(a => a.ListAsync(default))).Single(u => u.Id == analyst.Id).IsLockedOut);
        Assert.NotEqual(stamp, await StampOfAsync(analyst.Id!));
        Assert.Empty(await WithAccountsAsync(a => a.UnlockAsync(analyst.Id!, admin)));
        Assert.False((await WithAccountsAsync(a => a.ListAsync(default))).Single(u => u.Id == analyst.Id).IsLockedOut);
        var (password, errors) = await WithAccountsAsync(a => a.ResetPasswordAsync(analyst.Id!, admin));

        Assert.Empty(errors);
        Assert.Matches("^([A-Za-z0-9]{5}-){3}[A-Za-z0-9]{5}$", password);
        var changes = await AuditRows.ListAsync(_db, AuditActions.UserChanged);
        Assert.Equal(["locked", "unlocked", "password-reset"],
            changes.Select(e => JsonDocument.Parse(e.Detail!).RootElement.GetProperty("detail").GetProperty("change").GetString()));
        Assert.All(changes, e => Assert.Equal(analyst.Id, e.RecordId));
    }

    [Fact]
    public async Task An_admin_resets_other_people_s_passwords_not_their_own()
    {
        var admin = await ActorAsync(Roles.Admin);

        var (password, errors) = await WithAccountsAsync(a => a.ResetPasswordAsync(admin.Id!, admin));

        Assert.Null(password);
        Assert.Contains("your own password", Assert.Single(errors));
    }

    [Fact]
    public async Task Someone_no_longer_an_admin_changes_nothing()
    {
        await ActorAsync(Roles.Admin);
        var analyst = await ActorAsync(Roles.Analyst);
        var manager = await ActorAsync(Roles.Manager);
        // An analyst whose circuit still believes it is an admin (the page's policy has not re-checked yet).
        var stale = analyst with { Role = Roles.Admin };

        var errors = await ChangeRoleAsync(manager.Id!, Roles.Admin, stale);
        var (created, createErrors) = await WithAccountsAsync(a => a.CreateByAdminAsync("intruder", Roles.Admin, stale));

        Assert.Contains("no longer", Assert.Single(errors));
        Assert.Null(created);
        Assert.Contains("no longer", Assert.Single(createErrors));
        Assert.Equal(Roles.Manager, await RoleOfAsync(manager.Id!));
        Assert.Empty(await AuditRows.ListAsync(_db, AuditActions.RoleChanged));
        Assert.Empty(await AuditRows.ListAsync(_db, AuditActions.UserCreated));
    }

    [Fact]
    public async Task Two_admins_stepping_down_at_the_same_moment_leave_one_admin()
    {
        var first = await ActorAsync(Roles.Admin);
        var second = await ActorAsync(Roles.Admin, "second-admin");

        var results = await Task.WhenAll(
            Task.Run(() => ChangeRoleAsync(first.Id!, Roles.Analyst, first)),
            Task.Run(() => ChangeRoleAsync(second.Id!, Roles.Analyst, second)));

        Assert.Equal(1, results.Count(r => r.Count == 0));
        var roles = new[] { await RoleOfAsync(first.Id!), await RoleOfAsync(second.Id!) };
        Assert.Single(roles, r => r == Roles.Admin);
    }

    [Fact]
    public async Task A_user_created_by_an_admin_must_choose_a_password_and_is_audited()
    {
        var admin = await ActorAsync(Roles.Admin);

        var (created, errors) = await WithAccountsAsync(a => a.CreateByAdminAsync("new-manager", Roles.Manager, admin));
        var (duplicate, duplicateErrors) = await WithAccountsAsync(a => a.CreateByAdminAsync("new-manager", Roles.Analyst, admin));

        Assert.Empty(errors);
        Assert.NotNull(created);
        Assert.Null(duplicate);
        Assert.Contains("already taken", Assert.Single(duplicateErrors));
        var listed = (await WithAccountsAsync(a => a.ListAsync(default))).Single(u => u.UserName == "new-manager");
        Assert.Equal(Roles.Manager, listed.Role);
        Assert.True(listed.MustChangePassword);
        var entry = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.UserCreated));
        Assert.Equal(created.User.Id, entry.RecordId);
        Assert.DoesNotContain(created.OneTimePassword, entry.Detail);
    }
}
