using Admin.Data.Audit;
using Admin.Testing;
using Npgsql;

namespace Admin.Data.Tests.Audit;

/// <summary>The audit trail is append-only: the app's role may add and read lines, nobody may change or remove them.</summary>
public sealed class AuditTrailTableTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await new AuditLog(_db.DataSource).WriteAsync(new AuditEntry { ActorName = "someone", Action = AuditActions.View, TableName = "health_checks", RecordId = "r1" });
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'edited'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_app_role_may_not_rewrite_history(string sql)
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() => AsAppRoleAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'view'"));
    }

    [Fact]
    public async Task The_app_role_may_append_and_read()
    {
        await AsAppRoleAsync("INSERT INTO audit_entries (actor_name, action) VALUES ('app', 'search')");

        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_entries"));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'edited'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task Not_even_the_owner_may_rewrite_history(string sql)
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() => _db.ExecuteAsync(sql));

        Assert.Contains("append-only", ex.MessageText);
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_entries"));
    }

    [Fact]
    public async Task Malformed_and_overlong_text_is_cleaned_not_a_failed_write()
    {
        var log = new AuditLog(_db.DataSource);

        await log.WriteAsync(new AuditEntry { ActorName = "x", Action = AuditActions.Search, Query = "q=\0" + (char)0xD800 + new string('9', 5000) });

        var stored = await _db.ScalarAsync<string>("SELECT query FROM audit_entries WHERE action = 'search'");
        Assert.Equal(2048, stored.Length);
        Assert.StartsWith("q=\uFFFD999", stored);
    }

    private async Task AsAppRoleAsync(string sql)
    {
        await using var conn = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var role = new NpgsqlCommand("SET LOCAL ROLE admin_app", conn, tx))
            await role.ExecuteNonQueryAsync();
        await using (var cmd = new NpgsqlCommand(sql, conn, tx))
            await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}
