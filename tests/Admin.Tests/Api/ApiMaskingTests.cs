using System.Text.RegularExpressions;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;

namespace Admin.Tests.Api;

/// <summary>A key's role masks its answers as it would a person's: no full number or name in an Analyst key's answer.</summary>
public sealed partial class ApiMaskingTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (await app.Database.ScalarAsync<long>("SELECT count(*) FROM health_checks") == 0)
        {
            await SqlSeed.HealthChecksAsync(app.Database, 200);
            await app.Database.ExecuteAsync("UPDATE health_checks SET first_name = 'Thandiwe', last_name = 'Mokoena', latitude = -26.2, longitude = 28.04, date_of_birth = '1990-05-01'");
        }
        await app.Database.WaitAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [GeneratedRegex(@"\+27\d{9}")]
    private static partial Regex FullNumber();

    [Fact]
    public async Task An_analyst_key_sees_masked_numbers_and_initials_only()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Analyst);
        // Searching by a full number works (the client knows it), but the answer does not repeat it.
        var response = await client.GetAsync("/api/v1/healthchecks?page_size=5000");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.DoesNotMatch(FullNumber(), body);
        Assert.DoesNotContain("Thandiwe", body);
        Assert.DoesNotContain("Mokoena", body);
        Assert.DoesNotContain("1990-05-01", body);
        Assert.DoesNotContain("seed-", body); // deduplication ids
        var page = await FeedPages.GetAsync(client, "/api/v1/healthchecks?page_size=5&msisdn=%2B27820000007");
        var row = Assert.Single(page.Results);
        Assert.Equal("+27 82 *** 0007", row.GetProperty("msisdn").GetString());
        Assert.Equal("T.", row.GetProperty("first_name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("location").ValueKind);
    }

    [Fact]
    public async Task An_admin_key_sees_full_values()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin);
        var page = await FeedPages.GetAsync(client, "/api/v1/healthchecks?page_size=5&msisdn=%2B27820000007");
        var row = Assert.Single(page.Results);
        Assert.Equal("+27820000007", row.GetProperty("msisdn").GetString());
        Assert.Equal("Thandiwe", row.GetProperty("first_name").GetString());
        Assert.Equal("-26.20000+028.04000/", row.GetProperty("location").GetString());
    }

    [Fact]
    public async Task The_audit_trail_records_each_call_with_its_filter_and_rows_masked_for_the_role()
    {
        var key = await app.Factory.CreateKeyAsync(Roles.Analyst, [Admin.Data.ApiKeys.ApiScopes.Read]);
        var client = app.Factory.CreateApiClient(key);
        var page = await FeedPages.GetAsync(client, "/api/v1/healthchecks?page_size=5&msisdn=0820000007");
        Assert.Single(page.Results);
        var bad = await client.GetAsync("/api/v1/healthchecks?risk=extreme");
        await bad.AssertProblemAsync(400);

        var entries = new List<(string Actor, string? Query, long? Rows, string Detail)>();
        await using var cmd = app.Database.DataSource.CreateCommand(
            "SELECT actor_id, query, rows, detail::text FROM audit_entries WHERE action = 'api-call' AND actor_name LIKE '%(' || $1 || ')' ORDER BY id");
        cmd.Parameters.AddWithValue(Admin.Data.ApiKeys.ApiKeySecret.PrefixOf(key)!);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            entries.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetString(3)));

        var read = Assert.Single(entries, e => e.Query?.Contains("msisdn") == true);
        Assert.StartsWith("api-key:", read.Actor);
        Assert.Equal(1, read.Rows);
        Assert.Contains("+27 82 *** 0007", read.Query);
        Assert.DoesNotMatch(FullNumber(), read.Query!);
        Assert.Contains(entries, e => e.Detail.Contains("\"status\": 400") && e.Detail.Contains("extreme"));
    }
}
