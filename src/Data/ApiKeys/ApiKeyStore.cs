using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Admin.Data.ApiKeys;

/// <summary>API keys in the database: create (returns the key once), list, revoke, and the per-call lookup.</summary>
public sealed class ApiKeyStore(IDbContextFactory<AdminDbContext> contexts, NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>How often a key's <see cref="ApiKey.LastUsedAt"/> is written at most: a busy client costs one UPDATE a minute.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<(ApiKey Stored, string Key)> CreateAsync(string name, IEnumerable<string> scopes, string role,
        DateTimeOffset? expiresAt, string createdBy, CancellationToken ct)
    {
        var (key, prefix, hash) = ApiKeySecret.New();
        var entity = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = hash,
            Scopes = ApiScopes.Format(scopes),
            Role = role,
            CreatedBy = createdBy,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return (entity, key);
    }

    /// <summary>Every key, newest first (a handful per deployment: no paging needed).</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
    }

    /// <summary>Revokes a key; false when it does not exist or was revoked already. Effective on the key's next call.</summary>
    public async Task<ApiKey?> RevokeAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null) return null;
        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The key with this prefix, read fresh on every call (so a revocation applies to the very next request).</summary>
    public async Task<ApiKey?> FindAsync(string prefix, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT id, name, secret_hash, scopes, role, expires_at, revoked_at, last_used_at
            FROM api_keys WHERE prefix = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = prefix, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new ApiKey
        {
            Id = reader.GetGuid(0),
            Name = reader.GetString(1),
            Prefix = prefix,
            SecretHash = reader.GetFieldValue<byte[]>(2),
            Scopes = reader.GetString(3),
            Role = reader.GetString(4),
            ExpiresAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            RevokedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            LastUsedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        };
    }

    /// <summary>
    /// Records use, at most once per <see cref="LastUsedResolution"/>: callers skip it while the stored time is fresh,
    /// and the WHERE clause keeps several app nodes from writing it more often.
    /// </summary>
    public async Task TouchAsync(ApiKey key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is { } last && now - last < LastUsedResolution) return;
        await using var cmd = dataSource.CreateCommand("""
            UPDATE api_keys SET last_used_at = $2
            WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = key.Id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = now });
        cmd.Parameters.Add(new NpgsqlParameter { Value = now - LastUsedResolution });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
