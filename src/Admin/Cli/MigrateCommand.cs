using System.CommandLine;
using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Cli;

public static class MigrateCommand
{
    public static Verb Verb { get; } = new(new Command("migrate", "Apply the EF Core migrations to the configured database."), RunAsync);

    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        Console.WriteLine(pending.Count == 0 ? "Database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }
}
