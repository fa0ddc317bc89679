using System.Net;
using System.Text.RegularExpressions;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Admin.Tests.Cli;

/// <summary>
/// The first admin comes from the command line with a one-time password that works exactly once. Runs the verb
/// in-process (console captured), so it is kept out of parallel runs.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CreateUserCommandTests
{
    [Fact]
    public async Task Creates_the_first_admin_once_with_a_one_time_password_that_logs_in()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (first, firstOut) = await CliRunner.RunAsync(db, "create-user", "--user", "chief", "--role", "Admin", "--if-no-users");
        var (second, secondOut) = await CliRunner.RunAsync(db, "create-user", "--user", "chief2", "--role", "Admin", "--if-no-users");

        Assert.Equal(0, first);
        var password = Regex.Match(firstOut, @"One-time password: (\S+)").Groups[1].Value;
        Assert.Matches(@"^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$", password);
        Assert.Equal(0, second);
        Assert.Equal("", secondOut.Trim()); // a database with users gets no second admin
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM users"));
        Assert.Equal("Admin", await db.ScalarAsync<string>("SELECT r.name FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'user-created' AND actor_name = '(command line)'"));
        Assert.DoesNotContain(password, await db.ScalarAsync<string>("SELECT password_hash FROM users"));

        await using var app = new AdminAppFactory(db.ConnectionString);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await HttpLogin.PostLoginAsync(client, "chief", password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.EndsWith("/account/change-password", login.Headers.Location?.ToString());
    }

    [Fact]
    public async Task An_unknown_role_is_refused_and_nothing_is_written()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (exit, _) = await CliRunner.RunAsync(db, "create-user", "--user", "x", "--role", "Superuser");

        Assert.Equal(1, exit);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task Reset_gives_a_new_one_time_password_and_unlocks()
    {
        await using var db = await TestDatabase.CreateAsync();
        var name = await TestAccounts.EnsureAsync(db, Admin.Data.Security.Roles.Admin, "locked-admin");
        await db.ExecuteAsync($"UPDATE users SET lockout_end = now() + interval '1 hour' WHERE user_name = '{name}'");

        var (exit, output) = await CliRunner.RunAsync(db, "create-user", "--user", name, "--reset");

        Assert.Equal(0, exit);
        Assert.Matches("New one-time password: ", output);
        Assert.True(await db.ScalarAsync<bool>($"SELECT must_change_password AND lockout_end IS NULL FROM users WHERE user_name = '{name}'"));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
