using Admin.Api.Feed;
using Admin.Data.Feed;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Api;

/// <summary>Cursors are opaque and tamper-evident: anything but a cursor we issued, for these filters, recently, is a 400.</summary>
public sealed class CursorTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (await app.Database.ScalarAsync<long>("SELECT count(*) FROM health_checks") == 0)
            await SqlSeed.HealthChecksAsync(app.Database, 50);
        await app.Database.WaitAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Client, FeedPages First)> FirstPageAsync(string query = "")
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin);
        return (client, await FeedPages.GetAsync(client, "/api/v1/healthchecks?page_size=10" + query));
    }

    [Fact]
    public async Task A_cursor_continues_the_crawl_it_came_from()
    {
        var (client, first) = await FirstPageAsync("&province=ZA-GP");
        var second = await FeedPages.GetAsync(client, "/api/v1/healthchecks?page_size=10&province=ZA-GP&cursor=" + first.Cursor);
        Assert.Empty(first.Ids.Intersect(second.Ids));
        // The old province code is the same filter: the cursor still fits.
        var third = await client.GetAsync("/api/v1/healthchecks?page_size=10&province=ZA-GT&cursor=" + first.Cursor);
        Assert.True(third.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_cursor_reveals_nothing_readable()
    {
        var (_, first) = await FirstPageAsync("&msisdn=%2B27820000001");
        Assert.DoesNotContain("27820000001", first.Cursor);
        Assert.True(first.Cursor.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("eyJpZCI6MX0")] // base64 JSON, as some APIs use
    [InlineData("%27%3B%20DROP%20TABLE%20health_checks%3B--")]
    [InlineData("%00%01%02")]
    [InlineData("%F0%9F%92%A9%ED%A0%80")]
    public async Task Malformed_cursors_get_400(string cursor)
    {
        var (client, _) = await FirstPageAsync();
        var response = await client.GetAsync("/api/v1/healthchecks?cursor=" + cursor);
        var detail = await response.AssertProblemAsync(400);
        Assert.Contains("cursor", detail);
    }

    [Fact]
    public async Task An_overlong_cursor_gets_400()
    {
        var (client, _) = await FirstPageAsync();
        var response = await client.GetAsync("/api/v1/healthchecks?cursor=" + new string('A', 5000));
        await response.AssertProblemAsync(400);
    }

    [Fact]
    public async Task A_tampered_cursor_gets_400_at_every_position()
    {
        var (client, first) = await FirstPageAsync();
        foreach (var i in new[] { 0, 10, first.Cursor.Length / 2, first.Cursor.Length - 2 })
        {
            var chars = first.Cursor.ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            var response = await client.GetAsync("/api/v1/healthchecks?page_size=10&cursor=" + new string(chars));
            var detail = await response.AssertProblemAsync(400);
            Assert.Contains("not valid", detail);
        }
        var truncated = await client.GetAsync("/api/v1/healthchecks?page_size=10&cursor=" + first.Cursor[..^4]);
        await truncated.AssertProblemAsync(400);
    }

    [Theory]
    [InlineData("", "&province=ZA-WC")]
    [InlineData("&province=ZA-GP", "")]
    [InlineData("&province=ZA-GP", "&province=ZA-WC")]
    [InlineData("&risk=high", "&risk=high&district=JHB")]
    [InlineData("&msisdn=%2B27820000001", "&msisdn=%2B27820000002")]
    [InlineData("&since=2021-01-01", "&since=2021-01-02")]
    public async Task A_cursor_replayed_with_other_filters_gets_400(string issuedWith, string replayedWith)
    {
        var (client, first) = await FirstPageAsync(issuedWith);
        var response = await client.GetAsync("/api/v1/healthchecks?page_size=10" + replayedWith + "&cursor=" + first.Cursor);
        var detail = await response.AssertProblemAsync(400);
        Assert.Contains("other filters", detail);
    }

    [Fact]
    public async Task An_expired_cursor_gets_400_saying_so()
    {
        var codec = app.Factory.Services.GetRequiredService<FeedCursorCodec>();
        var old = codec.Encode(new FeedPosition(1, Guid.Empty), HealthCheckFeedFilter.None, DateTimeOffset.UtcNow.AddDays(-31));
        var (client, _) = await FirstPageAsync();
        var response = await client.GetAsync("/api/v1/healthchecks?cursor=" + old);
        var detail = await response.AssertProblemAsync(400);
        Assert.Contains("expired", detail);

        var fresh = codec.Encode(new FeedPosition(1, Guid.Empty), HealthCheckFeedFilter.None, DateTimeOffset.UtcNow.AddDays(-29));
        Assert.True((await client.GetAsync("/api/v1/healthchecks?cursor=" + fresh)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_cursor_expires_after_the_configured_age()
    {
        using var shortLived = app.Factory.WithWebHostBuilder(b => b.UseSetting("Api:CursorMaxAge", "00:00:01"));
        var client = await shortLived.CreateApiClientAsync(Roles.Admin);
        var first = await FeedPages.GetAsync(client, "/api/v1/healthchecks?page_size=10");
        await Task.Delay(2_100);
        var response = await client.GetAsync("/api/v1/healthchecks?page_size=10&cursor=" + first.Cursor);
        Assert.Contains("expired", await response.AssertProblemAsync(400));
    }
}
