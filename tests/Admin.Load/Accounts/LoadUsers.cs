using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Admin.Load.Accounts;

/// <summary>
/// Users made for one run and removed after it, written straight into the app's Identity tables (Identity's own
/// password hasher, so the real login form accepts them). Why a connection string and not the app's create-user verb
/// or Users page: both issue one-time passwords that must be changed at first login (a second form per user), and the
/// verb needs the app binary on the load machine; the tables are the same ones either would write. Deleting a user
/// cascades to its roles; the audit entries its sessions wrote stay, as an audit trail must.
/// </summary>
public sealed class LoadUsers(string connectionString, string runId) : IAsyncDisposable
{
    private readonly List<string> _ids = [];

    public string Prefix => $"load-{runId}-";

    public async Task<IReadOnlyList<LoadAccount>> CreateAsync(IEnumerable<string> roles, int perRole, CancellationToken ct)
    {
        await using var db = await Open(ct);
        var hasher = new PasswordHasher<object>();
        var accounts = new List<LoadAccount>();
        foreach (var role in roles)
            for (var i = 1; i <= perRole; i++)
            {
                var name = $"{Prefix}{role.ToLowerInvariant()}-{i}";
                var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
                var id = Guid.NewGuid().ToString();
                await using var cmd = new NpgsqlCommand("""
                    WITH u AS (
                        INSERT INTO users (id, user_name, normalized_user_name, password_hash, security_stamp, concurrency_stamp,
                                           email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                           must_change_password)
                        VALUES ($1, $2, upper($2), $3, $4, $5, false, false, false, true, 0, false)
                        RETURNING id)
                    INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM u, roles r WHERE r.name = $6
                    """, db);
                cmd.Parameters.AddWithValue(id);
                cmd.Parameters.AddWithValue(name);
                cmd.Parameters.AddWithValue(hasher.HashPassword(name, password));
                cmd.Parameters.AddWithValue(Guid.NewGuid().ToString("N").ToUpperInvariant());
                cmd.Parameters.AddWithValue(Guid.NewGuid().ToString());
                cmd.Parameters.AddWithValue(role);
                if (await cmd.ExecuteNonQueryAsync(ct) != 1) throw new InvalidOperationException($"No role named {role} in that database.");
                _ids.Add(id);
                accounts.Add(new LoadAccount(role, name, password));
            }
        return accounts;
    }

    private async Task<NpgsqlConnection> Open(CancellationToken ct)
    {
        var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ids.Count == 0) return;
        await using var db = await Open(CancellationToken.None);
        await using var cmd = new NpgsqlCommand("DELETE FROM users WHERE id = ANY($1)", db);
        cmd.Parameters.AddWithValue(_ids.ToArray());
        await cmd.ExecuteNonQueryAsync();
        _ids.Clear();
    }
}
