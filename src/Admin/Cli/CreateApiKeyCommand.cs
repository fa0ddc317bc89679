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
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        var name = args.String("name");
        if (string.IsNullOrWhiteSpace(name)) throw new FormatException("Name the key: create-api-key --name NAME --role ROLE [--scopes read,write].");
        var role = args.String("role");
        if (role is null || !Roles.IsKnown(role)) throw new FormatException($"Give a role: --role {string.Join("|", Roles.All)}.");
        var scopes = (args.String("scopes") ?? ApiScopes.Read).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
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
