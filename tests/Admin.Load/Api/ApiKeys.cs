using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Admin.Load.Api;

/// <summary>
/// API keys made for one run (readers: scope read, writers: scope write) in the app's api_keys table, in the app's own
/// format (ak_ + 8 lookup characters + _ + 43 of secret; only a SHA-256 stored), and deleted after the run.
/// </summary>
public sealed class ApiKeys(string connectionString, string runId) : IAsyncDisposable
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private readonly List<Guid> _ids = [];

    public async Task<string> CreateAsync(string scopes, CancellationToken ct)
    {
        var prefix = "ak_" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 8));
        var key = prefix + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var id = Guid.NewGuid();
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO api_keys (id, name, prefix, secret_hash, scopes, role, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, 'Admin', $6, now())
            """, db);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue($"load-{runId} {scopes}");
        cmd.Parameters.AddWithValue(prefix);
        cmd.Parameters.AddWithValue(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        cmd.Parameters.AddWithValue(scopes);
        cmd.Parameters.AddWithValue($"load-{runId}");
        await cmd.ExecuteNonQueryAsync(ct);
        _ids.Add(id);
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ids.Count == 0) return;
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("DELETE FROM api_keys WHERE id = ANY($1)", db);
        cmd.Parameters.AddWithValue(_ids.ToArray());
        await cmd.ExecuteNonQueryAsync();
        _ids.Clear();
    }
}
