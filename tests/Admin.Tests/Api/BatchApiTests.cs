using System.Text.Json.Nodes;
using Admin.Data.ApiKeys;
using Admin.Data.Security;
using Admin.Tests.Hosting;

namespace Admin.Tests.Api;

/// <summary>POST /api/v1/healthchecks/batch: validated whole, written whole in one transaction, or not at all.</summary>
public sealed class BatchApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Url = "/api/v1/healthchecks/batch";

    private static JsonArray Batch(int count, string tag) =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode)CheckJson.Create($"{tag}-{i}", i)).ToArray());

    private Task<long> CountAsync(string tag) =>
        app.Database.ScalarAsync<long>($"SELECT count(*) FROM health_checks WHERE deduplication_id LIKE '{tag}-%'");

    [Fact]
    public async Task A_batch_is_stored_and_a_repeat_reports_every_item_as_existing()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var tag = "batch-" + Guid.NewGuid().ToString("N")[..8];
        var first = await (await client.PostAsync(Url, Batch(300, tag).Content())).JsonAsync();
        Assert.Equal(300, first.GetProperty("created").GetInt32());
        Assert.Equal(300, await CountAsync(tag));

        // Half old, half new: the old ones answer with the ids already stored.
        var mixed = Batch(450, tag);
        var second = await (await client.PostAsync(Url, mixed.Content())).JsonAsync();
        Assert.Equal(150, second.GetProperty("created").GetInt32());
        Assert.Equal(300, second.GetProperty("existing").GetInt32());
        var firstIds = first.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        var secondResults = second.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(firstIds, secondResults.Take(300).Select(r => r.GetProperty("id").GetGuid()));
        Assert.All(secondResults.Take(300), r => Assert.Equal("existing", r.GetProperty("status").GetString()));
        Assert.All(secondResults.Skip(300), r => Assert.Equal("created", r.GetProperty("status").GetString()));
        Assert.Equal(450, await CountAsync(tag));
    }

    [Fact]
    public async Task One_invalid_item_refuses_the_whole_batch_naming_each_bad_item()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var tag = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var batch = Batch(200, tag);
        batch[7]!["msisdn"] = "not a number";
        batch[150]!["risk"] = "low"; // contradicts the rules
        var response = await client.PostAsync(Url, batch.Content());
        var detail = await response.AssertProblemAsync(400);
        Assert.Contains("2 of 200", detail);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("[7].msisdn", out _));
        Assert.True(errors.TryGetProperty("[150].risk", out _));
        Assert.Equal(0, await CountAsync(tag));
    }

    [Fact]
    public async Task A_batch_that_fails_while_writing_leaves_nothing_behind()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var tag = "atomic-" + Guid.NewGuid().ToString("N")[..8];
        // Valid for the app, refused by the database half-way through the insert.
        await app.Database.ExecuteAsync($"""
            CREATE FUNCTION refuse_{tag.Replace('-', '_')}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.deduplication_id = '{tag}-500' THEN RAISE EXCEPTION 'refused for the test'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_{tag.Replace('-', '_')} BEFORE INSERT ON health_checks FOR EACH ROW EXECUTE FUNCTION refuse_{tag.Replace('-', '_')}();
            """);
        try
        {
            var response = await client.PostAsync(Url, Batch(1000, tag).Content());
            Assert.False(response.IsSuccessStatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("refused for the test", body); // no database text reaches the client
            Assert.DoesNotContain("   at ", body);
            Assert.Equal(0, await CountAsync(tag));
        }
        finally
        {
            await app.Database.ExecuteAsync($"DROP TRIGGER refuse_{tag.Replace('-', '_')} ON health_checks");
        }
    }

    [Fact]
    public async Task Repeated_deduplication_ids_inside_a_batch_are_refused()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var tag = "dup-" + Guid.NewGuid().ToString("N")[..8];
        var batch = Batch(5, tag);
        batch[4]!["deduplication_id"] = $"{tag}-1";
        var response = await client.PostAsync(Url, batch.Content());
        Assert.Contains("1 of 5", await response.AssertProblemAsync(400));
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("[4].deduplication_id", out _));
        Assert.Equal(0, await CountAsync(tag));
    }

    [Theory]
    [InlineData("[]", "empty")]
    [InlineData("[null]", "null")]
    [InlineData("{\"records\": []}", "array")]
    [InlineData("[{\"fever\": 1}]", "[0].fever")]
    public async Task Unusable_batches_get_400(string body, string expected)
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var response = await client.PostAsync(Url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadAsStringAsync();
        await response.AssertProblemAsync(400);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public async Task More_than_the_maximum_is_refused_before_anything_is_written()
    {
        using var small = app.Factory.WithWebHostBuilder(b => b.UseSetting("Api:MaxBatchSize", "10"));
        var client = await small.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var tag = "max-" + Guid.NewGuid().ToString("N")[..8];
        var response = await client.PostAsync(Url, Batch(11, tag).Content());
        Assert.Contains("at most 10", await response.AssertProblemAsync(400));
        Assert.Equal(0, await CountAsync(tag));

        using var tiny = app.Factory.WithWebHostBuilder(b => b.UseSetting("Api:MaxBatchBodyBytes", "4096"));
        var other = await tiny.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        await (await other.PostAsync(Url, Batch(11, tag).Content())).AssertProblemAsync(413);
    }

    [Fact]
    public async Task Ten_thousand_records_go_in_one_request()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var tag = "tenk-" + Guid.NewGuid().ToString("N")[..8];
        var response = await client.PostAsync(Url, Batch(10_000, tag).Content());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(10_000, (await response.JsonAsync()).GetProperty("created").GetInt32());
        Assert.Equal(10_000, await CountAsync(tag));
    }
}
