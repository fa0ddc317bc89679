using System.Net;
using System.Text;
using System.Text.Json;
using Admin.Api.Feed;
using Admin.Data.ApiKeys;
using Admin.Data.Audit;
using Admin.Data.Security;
using Admin.Tests.Hosting;

namespace Admin.Tests.Api;

/// <summary>
/// Every API parameter and body field with a NUL, a lone surrogate and 10 KB of text: each call gets a 4xx (or is
/// stored), a complete JSON answer, and exactly one audit entry. A NUL quoted in an error message once made the audit
/// INSERT fail (jsonb refuses \u0000), which cut the answer off mid-stream and left the call unrecorded.
/// </summary>
public sealed class HostileApiTests(HostileApiTests.Keyed app) : IClassFixture<HostileApiTests.Keyed>
{
    private const string FeedUrl = "/api/v1/healthchecks";
    private static readonly string TenKb = new('x', 10_240);

    /// <summary>Values as they appear in a URL (already escaped).</summary>
    private static readonly string[] UrlValues = ["%00", "a%00b", "%ED%A0%80", "%F0%9F", Uri.EscapeDataString(TenKb)];

    /// <summary>Values as raw JSON string contents: escapes of a NUL and of lone surrogates, and a long text.</summary>
    private static readonly string[] JsonValues = [@"\u0000", @"a\u0000b", @"\ud800", @"x\udc00y", TenKb];

    private static readonly string[] BodyFields =
    [
        "deduplication_id", "msisdn", "first_name", "last_name", "source", "province", "district_code", "city", "location",
        "city_location", "age", "gender", "place_of_work", "exposure", "preexisting_condition", "created_by", "risk",
    ];

    public sealed class Keyed : IAsyncLifetime
    {
        private readonly AppFixture _app = new();
        public AppFixture App => _app;
        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _app.InitializeAsync();
            Client = await _app.Factory.CreateApiClientAsync(Roles.Analyst, ApiScopes.Read, ApiScopes.Write);
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await _app.DisposeAsync();
        }
    }

    public static TheoryData<string> FeedUrls()
    {
        var data = new TheoryData<string>();
        foreach (var name in FeedQuery.Parameters.Append("unknown"))
            foreach (var value in UrlValues)
                data.Add($"{FeedUrl}?{name}={value}");
        foreach (var value in UrlValues) data.Add($"{FeedUrl}?{value}=1");
        return data;
    }

    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>();
        var valid = CheckJson.Create().ToJsonString();
        foreach (var field in BodyFields)
            foreach (var value in JsonValues)
            {
                var check = CheckJson.Create().With(field, "@@").ToJsonString().Replace("\"@@\"", $"\"{value}\"", StringComparison.Ordinal);
                data.Add(FeedUrl, check);
                data.Add(FeedUrl + "/batch", $"[{valid.Replace("api-test-", "api-test-b", StringComparison.Ordinal)},{check}]");
            }
        foreach (var value in JsonValues)
        {
            var unknownField = valid.Replace("{", $"{{\"{value}\":1,", StringComparison.Ordinal);
            data.Add(FeedUrl, unknownField);
            data.Add(FeedUrl + "/batch", $"[{unknownField}]");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FeedUrls))]
    public async Task A_hostile_feed_parameter_gets_a_complete_answer_and_one_audit_entry(string url)
    {
        await AssertOneCompleteAuditedCallAsync(() => app.Client.GetAsync(url));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_hostile_body_field_gets_a_complete_answer_and_one_audit_entry(string url, string body)
    {
        await AssertOneCompleteAuditedCallAsync(() => app.Client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json")));
    }

    private async Task AssertOneCompleteAuditedCallAsync(Func<Task<HttpResponseMessage>> call)
    {
        var before = await CountAsync();
        using var response = await call();
        // A complete answer: the whole body arrives (a server failure after the headers would throw here) and parses.
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 200 and < 300 or >= 400 and < 500, $"answered {status}: {body}");
        using (var json = JsonDocument.Parse(body))
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        if (status >= 400) await response.AssertProblemAsync(status);
        Assert.Equal(before + 1, await CountAsync());
        var stored = await app.App.Database.ScalarAsync<string>("SELECT detail::text FROM audit_entries WHERE action = 'api-call' ORDER BY id DESC LIMIT 1");
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), stored);
    }

    private Task<long> CountAsync() =>
        app.App.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = '{AuditActions.ApiCall}'");
}
