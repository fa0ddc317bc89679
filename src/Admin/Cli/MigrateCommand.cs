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
        // A migration that builds an index on a table of tens of millions of rows runs for minutes, not the 30 s an
        // interactive statement gets (SmallerHealthCheckIndexes: about 3 minutes at 20M rows).
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            // Each migration runs in its own transaction: a failed one leaves the database at the one before it.
            Console.Error.WriteLine($"Migration failed, the database is left at the last migration that completed: {(ex.InnerException ?? ex).Message}");
            return 1;
        }
        Console.WriteLine(pending.Count == 0 ? "Database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }
}
