using System.Text.Json;

namespace Admin.Tests.Api;

/// <summary>One answer of the change feed, read from JSON.</summary>
public sealed record FeedPages(IReadOnlyList<JsonElement> Results, string? Next, string Cursor, bool HasMore)
{
    public IEnumerable<Guid> Ids => Results.Select(r => r.GetProperty("id").GetGuid());

    public static async Task<FeedPages> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return new FeedPages(
            json.GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToList(),
            json.GetProperty("next").GetString(),
            json.GetProperty("cursor").GetString()!,
            json.GetProperty("has_more").GetBoolean());
    }
}
