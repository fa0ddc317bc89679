using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Admin.Data.ApiKeys;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;

namespace Admin.Tests.Api;

/// <summary>POST /api/v1/healthchecks: the shared validation, server-side risk, idempotency on deduplication_id.</summary>
public sealed class WriteApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Url = "/api/v1/healthchecks";

    private Task<HttpClient> WriterAsync(string role = Roles.Admin) => app.Factory.CreateApiClientAsync(role, ApiScopes.Write);

    private Task<long> CountAsync(string deduplicationId) =>
        app.Database.ScalarAsync<long>($"SELECT count(*) FROM health_checks WHERE deduplication_id = '{deduplicationId}'");

    [Fact]
    public async Task A_new_check_is_stored_with_risk_computed_here_and_a_repeat_returns_it()
    {
        var client = await WriterAsync();
        var check = CheckJson.Create();
        var dedup = check["deduplication_id"]!.GetValue<string>();

        var created = await client.PostAsync(Url, check.Content());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await created.JsonAsync();
        Assert.Equal("moderate", stored.GetProperty("risk").GetString());
        Assert.Equal("+27830000000", stored.GetProperty("msisdn").GetString());
        Assert.Equal("eng", stored.GetProperty("data").GetProperty("language").GetString());

        var repeat = await client.PostAsync(Url, check.With("city", "Orlando").Content());
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var again = await repeat.JsonAsync();
        Assert.Equal(stored.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal("Soweto", again.GetProperty("city").GetString()); // the stored record, unchanged
        Assert.Equal(1, await CountAsync(dedup));
        Assert.Equal("moderate", await app.Database.ScalarAsync<string>($"SELECT risk FROM health_checks WHERE deduplication_id = '{dedup}'"));
    }

    [Fact]
    public async Task Concurrent_repeats_create_one_row()
    {
        var client = await WriterAsync();
        var check = CheckJson.Create();
        var dedup = check["deduplication_id"]!.GetValue<string>();
        var body = check.ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() =>
            client.PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json")))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(23, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await CountAsync(dedup));
    }

    [Fact]
    public async Task A_client_risk_that_contradicts_the_rules_is_refused_and_one_that_agrees_is_accepted()
    {
        var client = await WriterAsync();
        var wrong = await client.PostAsync(Url, CheckJson.Create().With("risk", "low").Content());
        Assert.Contains("risk", await wrong.AssertProblemAsync(400));
        var errors = (await wrong.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("risk", out _));

        var right = await client.PostAsync(Url, CheckJson.Create().With("risk", "moderate").Content());
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
    }

    [Theory]
    [InlineData("msisdn", "\"12345\"")]
    [InlineData("province", "\"ZA-XX\"")]
    [InlineData("district_code", "\"CPT\"")] // Cape Town is not in Gauteng
    [InlineData("age", "\"old\"")]
    [InlineData("timestamp", "\"2099-01-01T00:00:00Z\"")]
    [InlineData("location", "\"somewhere\"")]
    [InlineData("first_name", "\"a\\u0000b\"")]
    [InlineData("data", "[1, 2]")]
    public async Task An_invalid_field_gets_a_400_keyed_by_the_field(string field, string json)
    {
        var client = await WriterAsync();
        var check = CheckJson.Create().With(field, JsonNode.Parse(json));
        var dedup = check["deduplication_id"]!.GetValue<string>();
        var response = await client.PostAsync(Url, check.Content());
        await response.AssertProblemAsync(400);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await CountAsync(dedup));
    }

    [Theory]
    [InlineData("{\"fever\": \"yes\"}", "fever", "true or false")]
    [InlineData("{\"rooms_in_household\": 2.5}", "rooms_in_household", "whole number")]
    [InlineData("{\"timestamp\": \"last tuesday\"}", "timestamp", "ISO 8601")]
    [InlineData("{\"colour\": \"red\"}", "colour", "not a field")]
    public async Task A_mistyped_or_unknown_field_gets_a_400_naming_it(string json, string field, string expected)
    {
        var client = await WriterAsync();
        var response = await client.PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
        var detail = await response.AssertProblemAsync(400);
        Assert.Contains(expected, detail);
        Assert.Contains(field, detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"msisdn\": \"0821234567\",}")]
    public async Task Malformed_bodies_get_400(string body)
    {
        var client = await WriterAsync();
        var response = await client.PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(400);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_and_an_oversized_one_413()
    {
        var client = await WriterAsync();
        var form = await client.PostAsync(Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["msisdn"] = "0821234567" }));
        await form.AssertProblemAsync(415);

        var huge = CheckJson.Create().With("city", new string('x', 100_000));
        var response = await client.PostAsync(Url, huge.Content());
        Assert.Contains("larger than", await response.AssertProblemAsync(413));
    }

    [Fact]
    public async Task A_read_only_key_cannot_write()
    {
        var reader = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Read);
        var response = await reader.PostAsync(Url, CheckJson.Create().Content());
        Assert.Contains("'write' scope", await response.AssertProblemAsync(403));
    }

    [Fact]
    public async Task An_analyst_key_gets_the_stored_record_masked()
    {
        var client = await WriterAsync(Roles.Analyst);
        var response = await client.PostAsync(Url, CheckJson.Create(n: 4567).Content());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("+27830004567", body);
        Assert.Contains("+27 83 *** 4567", body);
        Assert.DoesNotContain("Thandi", body);
    }

    [Fact]
    public async Task A_posted_check_appears_in_the_feed()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Read, ApiScopes.Write);
        var created = await (await client.PostAsync(Url, CheckJson.Create(n: 777).Content())).JsonAsync();
        await app.Database.WaitAsync();
        var page = await FeedPages.GetAsync(client, "/api/v1/healthchecks?msisdn=%2B27830000777");
        Assert.Contains(created.GetProperty("id").GetGuid(), page.Ids);
        Assert.Equal("Admin", (await app.Database.ScalarAsync<string>(
            $"SELECT created_by FROM health_checks WHERE id = '{created.GetProperty("id").GetGuid()}'")).Split(' ')[1]);
    }
}
