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

    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        var name = args.String("user");
        if (string.IsNullOrWhiteSpace(name))
            throw new FormatException("Name the user: create-user --user NAME --role Admin|Analyst|Manager.");
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

        if (args.Flag("reset"))
        {
            var existing = await users.FindByNameAsync(name) ?? throw new ArgumentException($"No user '{name}'.");
            Print(name, await accounts.ResetPasswordAsync(existing, CommandLine), "New one-time password");
            return 0;
        }
        if (args.Flag("if-no-users") && users.Users.Any())
            return 0;

        var role = args.String("role") ?? throw new FormatException($"Give a role: --role {string.Join("|", Roles.All)}.");
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
