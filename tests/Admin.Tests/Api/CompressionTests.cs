using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;

namespace Admin.Tests.Api;

/// <summary>API answers are compressed when the client accepts it (gzip or Brotli); pages never are (BREACH).</summary>
public sealed class CompressionTests(CompressionTests.Seeded app) : IClassFixture<CompressionTests.Seeded>
{
    public sealed class Seeded : IAsyncLifetime
    {
        private readonly AppFixture _app = new();
        public AppFixture App => _app;
        public string Key { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await _app.InitializeAsync();
            await SqlSeed.HealthChecksAsync(_app.Database, 300);
            await _app.Database.WaitAsync(); // the feed serves rows below the horizon only
            Key = await _app.Factory.CreateKeyAsync(Roles.Analyst, ["read"]);
        }

        public Task DisposeAsync() => _app.DisposeAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? acceptEncoding, string? key)
    {
        // A plain client: it does not decompress, so the test sees the bytes on the wire.
        var client = app.App.Factory.CreateDefaultClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (acceptEncoding is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.GetAsync(url);
    }

    [Theory]
    [InlineData("br, gzip", "gzip")] // equal preference: gzip, the better ratio at the fastest level
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip;q=0.5, br", "br")]
    public async Task A_feed_page_is_compressed_when_the_client_accepts_it_and_reads_the_same(string accept, string expected)
    {
        var plain = await GetAsync("/api/v1/healthchecks?page_size=300", null, app.Key);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        var packed = await GetAsync("/api/v1/healthchecks?page_size=300", accept, app.Key);
        var packedBytes = await packed.Content.ReadAsByteArrayAsync();

        Assert.Equal([expected], packed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", packed.Headers.Vary);
        Assert.True(packedBytes.Length * 4 < plainBytes.Length, $"{packedBytes.Length} bytes compressed, {plainBytes.Length} plain");
        using var json = JsonDocument.Parse(Decompress(packedBytes, expected));
        Assert.Equal(300, json.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task A_problem_answer_is_compressed_too()
    {
        var response = await GetAsync("/api/v1/healthchecks?province=nowhere", "gzip", app.Key);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        using var json = JsonDocument.Parse(Decompress(await response.Content.ReadAsByteArrayAsync(), "gzip"));
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/account/login")]
    public async Task Pages_with_anti_forgery_tokens_are_never_compressed(string url)
    {
        var response = await GetAsync(url, "br, gzip", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("</html>", body);
    }

    private static byte[] Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
