using Admin.Data.Security;
using Microsoft.AspNetCore.Identity;

namespace Admin.Testing;

/// <summary>
/// Users for tests, written straight into the Identity tables with Identity's own password hasher, so a test can log
/// in through the real login page (HTTP or browser) without the one-time-password step.
/// </summary>
public static class TestAccounts
{
    /// <summary>Long enough for the password policy; never used outside tests.</summary>
    public const string Password = "test-password-for-tests-only";

    /// <summary>Creates (once per database) a user named after the role, e.g. "analyst", and returns the name.</summary>
    public static async Task<string> EnsureAsync(TestDatabase db, string role, string? userName = null, bool mustChangePassword = false)
    {
        var name = userName ?? role.ToLowerInvariant();
        var user = new AdminUser { UserName = name };
        var hash = new PasswordHasher<AdminUser>().HashPassword(user, Password);
        await using var cmd = db.DataSource.CreateCommand("""
            WITH u AS (
                INSERT INTO users (id, user_name, normalized_user_name, password_hash, security_stamp, concurrency_stamp,
                                   email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                   must_change_password)
                VALUES ($1, $2, upper($2), $3, $4, $5, false, false, false, true, 0, $7)
                ON CONFLICT DO NOTHING
                RETURNING id)
            INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM u, roles r WHERE r.name = $6
            """);
        cmd.Parameters.AddWithValue(Guid.NewGuid().ToString());
        cmd.Parameters.AddWithValue(name);
        cmd.Parameters.AddWithValue(hash);
        cmd.Parameters.AddWithValue(Guid.NewGuid().ToString("N").ToUpperInvariant());
        cmd.Parameters.AddWithValue(Guid.NewGuid().ToString());
        cmd.Parameters.AddWithValue(role);
        cmd.Parameters.AddWithValue(mustChangePassword);
        await cmd.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>The id of a user (for claims and for reading what the audit trail says about them).</summary>
    public static async Task<string> IdOfAsync(TestDatabase db, string userName)
    {
        await using var cmd = db.DataSource.CreateCommand("SELECT id FROM users WHERE user_name = $1");
        cmd.Parameters.AddWithValue(userName);
        return (string?)await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No user '{userName}'.");
    }
}
