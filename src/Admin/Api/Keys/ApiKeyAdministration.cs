using System.Text.Json;
using Admin.Data.ApiKeys;
using Admin.Data.Audit;
using Admin.Data.Security;
using Admin.Data.Validation;
using Admin.Security;

namespace Admin.Api.Keys;

/// <summary>What an admin asks for on the API keys page.</summary>
public sealed record NewApiKey(string? Name, bool Read, bool Write, string? Role, DateOnly? ExpiresOn);

/// <summary>A created key: the stored row and the key itself, which is shown once and never again.</summary>
public sealed record CreatedApiKey(ApiKey Stored, string Key);

/// <summary>
/// The admin side of API keys: create (checked, audited, the secret returned once), list, revoke (audited, effective on
/// the key's next call). The page stays thin; the rules live here, next to the audit entries they write.
/// </summary>
public sealed class ApiKeyAdministration(ApiKeyStore store, AuditTrail audit, CurrentActor actor, TimeProvider clock, Admin.Data.Time.DisplayTimeZone zone)
{
    public const int NameLength = 100;

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default) => store.ListAsync(ct);

    public async Task<(CreatedApiKey? Created, IReadOnlyDictionary<string, string> Errors)> CreateAsync(NewApiKey request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            errors["name"] = "Give the key a name that says who uses it, e.g. \"Data lake (nightly)\".";
        else if (TextRules.Problem(name, NameLength) is { } problem)
            errors["name"] = "The name " + problem;
        if (!request.Read && !request.Write)
            errors["scopes"] = "Choose at least one scope: read (the change feed) or write (posting HealthChecks).";
        if (request.Role is null || !Roles.IsKnown(request.Role))
            errors["role"] = $"Choose a role: {string.Join(", ", Roles.All)}. It decides what the key sees, as for a person.";
        DateTimeOffset? expires = null;
        if (request.ExpiresOn is { } day)
        {
            // The key works through the whole of that (local) day.
            expires = zone.StartOf(day.AddDays(1));
            if (expires <= clock.GetUtcNow())
                errors["expires"] = "The expiry date has passed; choose a later date or none.";
        }
        if (errors.Count > 0) return (null, errors);

        var by = await actor.GetAsync();
        var scopes = new List<string>();
        if (request.Read) scopes.Add(ApiScopes.Read);
        if (request.Write) scopes.Add(ApiScopes.Write);
        var (stored, key) = await store.CreateAsync(name!, scopes, request.Role!, expires, by.Name, ct);
        await audit.RecordAsync(AuditActions.ApiKeyCreated, "api_keys", stored.Id.ToString(),
            detail: JsonSerializer.Serialize(new { name = stored.Name, prefix = stored.Prefix, scopes = stored.Scopes, role = stored.Role, expires_at = stored.ExpiresAt }));
        return (new CreatedApiKey(stored, key), errors);
    }

    /// <summary>Revokes a key (audited); false when it does not exist or was already revoked.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var revoked = await store.RevokeAsync(id, ct);
        if (revoked is null) return false;
        await audit.RecordAsync(AuditActions.ApiKeyRevoked, "api_keys", id.ToString(),
            detail: JsonSerializer.Serialize(new { name = revoked.Name, prefix = revoked.Prefix }));
        return true;
    }
}
