using System.Text.Json;
using Admin.Data.Security;
using Admin.Tests.Hosting;

namespace Admin.Tests.Api;

/// <summary>The OpenAPI document and the per-key rate limit.</summary>
public sealed class ApiHostingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_openapi_document_describes_the_api_to_a_key_holder_or_a_logged_in_user()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Analyst);
        var response = await client.GetAsync("/openapi/v1.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var doc = JsonDocument.Parse(body).RootElement;
        var feed = doc.GetProperty("paths").GetProperty("/api/v1/healthchecks").GetProperty("get");
        var parameters = feed.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["cursor", "page_size", "since", "province", "district", "risk", "msisdn"], parameters);
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        Assert.DoesNotContain("/account/", body); // only the data-lake API

        var person = await app.Factory.CreateClientAsAsync(app.Database, Roles.Manager);
        Assert.True((await person.GetAsync("/openapi/v1.json")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_openapi_document_is_not_served_anonymously()
    {
        var response = await app.Factory.CreateApiClient(null).GetAsync("/openapi/v1.json");
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Each_key_has_its_own_rate_limit_answered_with_429_and_retry_after()
    {
        using var limited = app.Factory.WithWebHostBuilder(b => b.UseSetting("Api:RateLimitPermits", "3"));
        var first = await limited.CreateApiClientAsync(Roles.Admin);
        var second = await limited.CreateApiClientAsync(Roles.Admin);
        for (var i = 0; i < 3; i++)
            Assert.True((await first.GetAsync("/api/v1/healthchecks?page_size=1")).IsSuccessStatusCode);

        var refused = await first.GetAsync("/api/v1/healthchecks?page_size=1");
        Assert.Contains("Retry after", await refused.AssertProblemAsync(429));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Another key is not held back by the first one's traffic.
        Assert.True((await second.GetAsync("/api/v1/healthchecks?page_size=1")).IsSuccessStatusCode);
    }
}
