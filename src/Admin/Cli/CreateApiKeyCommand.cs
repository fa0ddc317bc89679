using System.CommandLine;
using System.Text.Json;
using Admin.Data.ApiKeys;
using Admin.Data.Audit;
using Admin.Data.Persistence;
using Admin.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Admin.Cli;

/// <summary>
/// <c>create-api-key --name NAME --role Admin|Analyst|Manager [--scopes read,write]</c>: an API key for a script or a
/// drill (<c>./admin.sh cluster drill</c>), printed once on stdout; audited like one made on the API keys page.
/// </summary>
public static class CreateApiKeyCommand
{
    private static readonly Option<string?> Name = CommandArgs.Text("--name", "The key's name.", "NAME");
    private static readonly Option<string?> Role = CommandArgs.Text("--role", $"The role the key acts as: {string.Join(", ", Roles.All)}.", "ROLE");
    private static readonly Option<string?> Scopes = CommandArgs.Text("--scopes", $"Comma-separated scopes: {string.Join(", ", ApiScopes.All)} (default {ApiScopes.Read}).", "SCOPES");

    public static Verb Verb { get; } = new(
        new Command("create-api-key", "Create an API key, printed once on stdout (audited).") { Name, Role, Scopes }, RunAsync);

    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        var name = args.Get(Name);
        if (string.IsNullOrWhiteSpace(name)) throw new FormatException("Name the key: create-api-key --name NAME --role ROLE [--scopes read,write].");
        var role = args.Get(Role);
        if (role is null || !Roles.IsKnown(role)) throw new FormatException($"Give a role: --role {string.Join("|", Roles.All)}.");
        var scopes = (args.Get(Scopes) ?? ApiScopes.Read).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0 || scopes.Any(s => !ApiScopes.All.Contains(s)))
            throw new FormatException($"Scopes are a comma-separated list of {string.Join(", ", ApiScopes.All)}.");

        var store = new ApiKeyStore(services.GetRequiredService<IDbContextFactory<AdminDbContext>>(), services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System);
        var (stored, key) = await store.CreateAsync(name, scopes, role, null, "(command line)", ct);
        await services.GetRequiredService<AuditLog>().WriteAsync(new AuditEntry
        {
            ActorName = "(command line)",
            Action = AuditActions.ApiKeyCreated,
            TableName = "api_keys",
            RecordId = stored.Id.ToString(),
            Detail = JsonSerializer.Serialize(new { name = stored.Name, prefix = stored.Prefix, scopes = stored.Scopes, role = stored.Role }),
        });
        Console.WriteLine(key);
        return 0;
    }
}
