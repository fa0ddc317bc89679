using System.Text.Json;
using Admin.Data.Audit;
using Admin.Data.Domain;
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

    public static TheoryData<string> HostileDetails() => new()
    {
        // What JsonSerializer writes for a NUL and for lone surrogates in a quoted parameter: escapes jsonb refuses.
        JsonSerializer.Serialize(new { error = "'\0' is not a province code", path = "/api/v1/healthchecks" }),
        JsonSerializer.Serialize(new { error = "a" + (char)0xD800 + "b", low = "c" + (char)0xDC00 }),
        JsonSerializer.Serialize(new Dictionary<string, string> { ["a\0b"] = new string('x', 10_240) }),
        // Escapes in raw text, an escaped backslash before "u0000" (not an escape), a valid pair kept as it is.
        """{"a":"\u0000","b":"\\u0000","c":"\ud83d\ude37","d":"\udc00\ud800"}""",
        // Raw NUL and lone surrogate characters in the text itself, and text that is not JSON at all.
        "{\"a\":\"x\0y" + (char)0xD800 + "\"}",
        "not json \0 at all",
    };

    [Theory]
    [MemberData(nameof(HostileDetails))]
    public async Task A_detail_json_with_nul_or_lone_surrogates_is_cleaned_not_a_failed_write(string detail)
    {
        await new AuditLog(_db.DataSource).WriteAsync(new AuditEntry { ActorName = "x", Action = AuditActions.ApiCall, Detail = detail });

        var stored = await _db.ScalarAsync<string>("SELECT detail::text FROM audit_entries WHERE action = 'api-call' ORDER BY id DESC LIMIT 1");
        Assert.DoesNotContain("\\u0000", stored.Replace("\\\\", ""));
        Assert.True(SafeText.IsClean(stored));
        using var json = JsonDocument.Parse(stored);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Fact]
    public void Json_cleaning_keeps_valid_escapes_and_changes_only_what_jsonb_refuses()
    {
        const string json = """{"a":"\u0000","b":"\\u0000","c":"\ud83d\ude37","d":"\udc00\ud800","e":"\u0001\n"}""";
        Assert.Equal("""{"a":"\uFFFD","b":"\\u0000","c":"\ud83d\ude37","d":"\uFFFD\uFFFD","e":"\u0001\n"}""", SafeText.CleanJson(json));
        Assert.Equal("""{"text":"not json"}""", SafeText.CleanJson("not json"));
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
