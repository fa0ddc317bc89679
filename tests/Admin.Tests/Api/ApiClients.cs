using System.Net.Http.Headers;
using System.Text.Json;
using Admin.Data.ApiKeys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Api;

/// <summary>API keys made through the app's own store, and HttpClients that send them.</summary>
public static class ApiClients
{
    public static async Task<string> CreateKeyAsync(this WebApplicationFactory<Program> factory, string role, string[] scopes, DateTimeOffset? expiresAt = null)
    {
        var store = factory.Services.GetRequiredService<ApiKeyStore>();
        var (_, key) = await store.CreateAsync($"tests {role} {string.Join('+', scopes)}", scopes, role, expiresAt, "tests", CancellationToken.None);
        return key;
    }

    public static HttpClient CreateApiClient(this WebApplicationFactory<Program> factory, string? key)
    {
        // No redirect handler (nothing under /api redirects), and every answer is checked against the OpenAPI document.
        var client = factory.CreateDefaultClient(new OpenApiContractHandler(factory));
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<HttpClient> CreateApiClientAsync(this WebApplicationFactory<Program> factory, string role, params string[] scopes) =>
        factory.CreateApiClient(await factory.CreateKeyAsync(role, scopes.Length == 0 ? [ApiScopes.Read] : scopes));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem-details answer with this status, and returns its detail text.</summary>
    public static async Task<string> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        var detail = json.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotContain("   at ", body); // no stack trace
        return detail;
    }
}
