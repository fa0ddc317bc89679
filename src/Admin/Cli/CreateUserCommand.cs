using System.CommandLine;
using Admin.Data.Security;
using Admin.Security;
using Microsoft.AspNetCore.Identity;

namespace Admin.Cli;

/// <summary>
/// <c>create-user --user NAME --role Admin|Analyst|Manager</c>: a user with a one-time password, printed once.
/// <c>--if-no-users</c>: only when the database has no users yet (the run command's first start).
/// <c>--reset</c>: a new one-time password for an existing user (a locked-out last admin, say).
/// </summary>
public static class CreateUserCommand
{
    private static readonly Actor CommandLine = new(null, "(command line)", Roles.Admin, null);
    private static readonly Option<string?> User = CommandArgs.Text("--user", "The user's name.", "NAME");
    private static readonly Option<string?> Role = CommandArgs.Text("--role", $"The user's role: {string.Join(", ", Roles.All)}.", "ROLE");
    private static readonly Option<bool> IfNoUsers = CommandArgs.Flag("--if-no-users", "Only when the database has no users yet (the run command's first start).");
    private static readonly Option<bool> Reset = CommandArgs.Flag("--reset", "A new one-time password for an existing user (and the lockout lifted).");

    public static Verb Verb { get; } = new(
        new Command("create-user", "Create a user with a one-time password, printed once.") { User, Role, IfNoUsers, Reset }, RunAsync);

    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        var name = args.Get(User);
        if (string.IsNullOrWhiteSpace(name))
            throw new FormatException("Name the user: create-user --user NAME --role Admin|Analyst|Manager.");
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

        if (args.Get(Reset))
        {
            var existing = await users.FindByNameAsync(name) ?? throw new ArgumentException($"No user '{name}'.");
            Print(name, await accounts.ResetPasswordAsync(existing, CommandLine), "New one-time password");
            return 0;
        }
        if (args.Get(IfNoUsers) && users.Users.Any())
            return 0;

        var role = args.Get(Role) ?? throw new FormatException($"Give a role: --role {string.Join("|", Roles.All)}.");
        var (created, errors) = await accounts.CreateAsync(name, role, CommandLine);
        if (created is null)
        {
            foreach (var e in errors) await Console.Error.WriteLineAsync(e);
            return 1;
        }
        Print(name, created.OneTimePassword, $"Created user '{name}' ({role}). One-time password");
        return 0;
    }

    private static void Print(string name, string password, string what)
    {
        Console.WriteLine($"{what}: {password}");
        Console.WriteLine($"Log in as '{name}' with it; you will be asked to choose your own. It is not stored anywhere in clear.");
    }
}
