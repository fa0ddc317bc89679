using System.Net.Http.Headers;
using Admin.Data.ApiKeys;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Api;

/// <summary>API keys: only a valid, unrevoked, unexpired key with the right scope and a records role reads records.</summary>
public sealed class ApiKeyTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const string Feed = "/api/v1/healthchecks?page_size=5";

    public async Task InitializeAsync()
    {
        if (await app.Database.ScalarAsync<long>("SELECT count(*) FROM health_checks") == 0)
            await SqlSeed.HealthChecksAsync(app.Database, 20);
        await app.Database.WaitAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored()
    {
        var key = await app.Factory.CreateKeyAsync(Roles.Analyst, [ApiScopes.Read]);
        var prefix = ApiKeySecret.PrefixOf(key)!;
        var stored = await app.Database.ScalarAsync<byte[]>($"SELECT secret_hash FROM api_keys WHERE prefix = '{prefix}'");
        Assert.Equal(32, stored.Length);
        Assert.Equal(ApiKeySecret.Hash(key), stored);
        var row = await app.Database.ScalarAsync<string>($"SELECT row_to_json(k)::text FROM api_keys k WHERE prefix = '{prefix}'");
        Assert.DoesNotContain(key[(prefix.Length + 1)..], row);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ak_nope")]
    [InlineData("Bearer ak_abcdefgh_0000000000000000000000000000000000000000000")]
    [InlineData("Bearer ' OR 1=1 --")]
    public async Task Missing_malformed_or_unknown_keys_get_401(string header)
    {
        var client = app.Factory.CreateApiClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, Feed);
        request.Headers.TryAddWithoutValidation("Authorization", header);
        var response = await client.SendAsync(request);
        await response.AssertProblemAsync(401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_wrong_secret_with_a_real_prefix_gets_401()
    {
        var key = await app.Factory.CreateKeyAsync(Roles.Admin, [ApiScopes.Read]);
        var wrong = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');
        var response = await app.Factory.CreateApiClient(wrong).GetAsync(Feed);
        Assert.Contains("not valid", await response.AssertProblemAsync(401));
    }

    [Fact]
    public async Task Revocation_applies_to_the_very_next_call()
    {
        var key = await app.Factory.CreateKeyAsync(Roles.Analyst, [ApiScopes.Read]);
        var client = app.Factory.CreateApiClient(key);
        Assert.True((await client.GetAsync(Feed)).IsSuccessStatusCode);

        var store = app.Factory.Services.GetRequiredService<ApiKeyStore>();
        var id = (await store.ListAsync(default)).Single(k => k.Prefix == ApiKeySecret.PrefixOf(key)).Id;
        Assert.NotNull(await store.RevokeAsync(id, default));

        var response = await client.GetAsync(Feed);
        Assert.Contains("revoked", await response.AssertProblemAsync(401));
    }

    [Fact]
    public async Task An_expired_key_gets_401()
    {
        var key = await app.Factory.CreateKeyAsync(Roles.Analyst, [ApiScopes.Read], DateTimeOffset.UtcNow.AddSeconds(-1));
        var response = await app.Factory.CreateApiClient(key).GetAsync(Feed);
        Assert.Contains("expired", await response.AssertProblemAsync(401));

        var later = await app.Factory.CreateKeyAsync(Roles.Analyst, [ApiScopes.Read], DateTimeOffset.UtcNow.AddDays(1));
        Assert.True((await app.Factory.CreateApiClient(later).GetAsync(Feed)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_write_only_key_cannot_read()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var response = await client.GetAsync(Feed);
        Assert.Contains("'read' scope", await response.AssertProblemAsync(403));
    }

    [Fact]
    public async Task A_manager_key_cannot_read_records()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Manager, ApiScopes.Read, ApiScopes.Write);
        var response = await client.GetAsync(Feed);
        Assert.Contains("Manager", await response.AssertProblemAsync(403));
    }

    [Fact]
    public async Task A_key_opens_nothing_but_the_api()
    {
        var key = await app.Factory.CreateKeyAsync(Roles.Admin, [ApiScopes.Read, ApiScopes.Write]);
        var client = app.Factory.CreateApiClient(key);
        foreach (var page in new[] { "/admin", "/records/health-checks", "/hotspots" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Last_used_is_written_at_most_once_a_minute()
    {
        var key = await app.Factory.CreateKeyAsync(Roles.Admin, [ApiScopes.Read]);
        var prefix = ApiKeySecret.PrefixOf(key)!;
        var client = app.Factory.CreateApiClient(key);
        Assert.True((await client.GetAsync(Feed)).IsSuccessStatusCode);
        var first = await app.Database.ScalarAsync<DateTime>($"SELECT last_used_at FROM api_keys WHERE prefix = '{prefix}'");
        Assert.True((await client.GetAsync(Feed)).IsSuccessStatusCode);
        Assert.Equal(first, await app.Database.ScalarAsync<DateTime>($"SELECT last_used_at FROM api_keys WHERE prefix = '{prefix}'"));

        // A minute later (moved back rather than waited for), the next call writes it again.
        await app.Database.ExecuteAsync($"UPDATE api_keys SET last_used_at = last_used_at - interval '61 seconds' WHERE prefix = '{prefix}'");
        Assert.True((await client.GetAsync(Feed)).IsSuccessStatusCode);
        Assert.True(await app.Database.ScalarAsync<DateTime>($"SELECT last_used_at FROM api_keys WHERE prefix = '{prefix}'") > first.AddSeconds(-1));
    }
}
