using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Admin.Data.ApiKeys;
using Admin.Data.Security;
using Admin.Tests.Hosting;

namespace Admin.Tests.Api;

/// <summary>
/// The OpenAPI document says what the API accepts and answers: its examples and every type it allows are accepted by
/// the live endpoints, no oneOf lets a value match two branches, and every operation declares 401, 403 and 429
/// (with Retry-After). Every answer the API tests receive is checked against it besides (<see cref="OpenApiContractHandler"/>).
/// </summary>
public sealed class OpenApiDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Single = "/paths/~1api~1v1~1healthchecks/post";
    private const string Batch = "/paths/~1api~1v1~1healthchecks~1batch/post";
    private const string Feed = "/paths/~1api~1v1~1healthchecks/get";

    private async Task<OpenApiContract> ContractAsync()
    {
        var contract = await OpenApiContract.OfAsync(app.Factory);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "admin-openapi-v1.json"), contract.Text);
        return contract;
    }

    private static JsonElement At(JsonElement root, string pointer)
    {
        var e = root;
        foreach (var token in pointer.Split('/').Skip(1))
        {
            var name = token.Replace("~1", "/").Replace("~0", "~");
            e = e.ValueKind == JsonValueKind.Array ? e[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] : e.GetProperty(name);
        }
        return e;
    }

    /// <summary>Follows a local $ref ("#/components/schemas/X") to the schema it names.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var r) ? Resolve(root, At(root, r.GetString()!.TrimStart('#'))) : schema;

    private static JsonElement RequestSchema(JsonElement doc, string operation) =>
        At(doc, operation + "/requestBody/content/application~1json/schema");

    private static JsonNode Example(JsonElement doc, string operation) =>
        JsonNode.Parse(At(doc, operation + "/requestBody/content/application~1json/example").GetRawText())!;

    [Fact]
    public async Task The_request_examples_are_accepted_by_the_live_endpoints()
    {
        var doc = (await ContractAsync()).Document;
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Read, ApiScopes.Write);

        var single = await client.PostAsync("/api/v1/healthchecks", Example(doc, Single).Content());
        Assert.True(single.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await single.Content.ReadAsStringAsync());
        var batch = await client.PostAsync("/api/v1/healthchecks/batch", Example(doc, Batch).Content());
        Assert.True(batch.StatusCode == HttpStatusCode.OK, await batch.Content.ReadAsStringAsync());

        foreach (var parameter in At(doc, Feed + "/parameters").EnumerateArray())
        {
            var name = parameter.GetProperty("name").GetString()!;
            if (!parameter.TryGetProperty("example", out var example)) { Assert.Equal("cursor", name); continue; }
            var value = example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
            var page = await client.GetAsync($"/api/v1/healthchecks?{name}={Uri.EscapeDataString(value)}");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{name}={value}: {await page.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Every_type_the_document_allows_for_a_field_is_read_by_the_endpoint()
    {
        var doc = (await ContractAsync()).Document;
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin, ApiScopes.Write);
        var schema = Resolve(doc, RequestSchema(doc, Single));
        var example = Example(doc, Single).AsObject();
        var checkedFields = 0;

        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            var field = Resolve(doc, property.Value);
            foreach (var type in TypesOf(field))
            {
                var body = JsonNode.Parse(example.ToJsonString())!.AsObject();
                body["deduplication_id"] = "openapi-types-" + Guid.NewGuid().ToString("N");
                if (property.Name != "deduplication_id") body[property.Name] = Sample(type, field, example[property.Name]);
                var response = await client.PostAsync("/api/v1/healthchecks", body.Content());
                var text = await response.Content.ReadAsStringAsync();
                // Rules may still refuse a value; the reader must not refuse a type the document allows.
                Assert.DoesNotContain("has the wrong type", text);
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.BadRequest, text);
                checkedFields++;
            }
        }
        Assert.True(checkedFields > 30);
    }

    [Fact]
    public async Task Numbers_are_documented_as_numbers_and_the_batch_carries_the_single_record_schema()
    {
        var doc = (await ContractAsync()).Document;
        var request = Resolve(doc, RequestSchema(doc, Single)).GetProperty("properties");
        foreach (var name in new[] { "latitude", "longitude", "city_latitude", "city_longitude" })
            Assert.Equal(["null", "number"], TypesOf(Resolve(doc, request.GetProperty(name))).Order());
        foreach (var name in new[] { "rooms_in_household", "persons_in_household" })
            Assert.Equal(["integer", "null"], TypesOf(Resolve(doc, request.GetProperty(name))).Order());

        var batch = Resolve(doc, RequestSchema(doc, Batch));
        Assert.Equal("array", batch.GetProperty("type").GetString());
        Assert.Equal(RequestSchema(doc, Single).GetProperty("$ref").GetString(), batch.GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task No_oneOf_in_the_document_lets_a_value_match_two_branches()
    {
        var contract = await ContractAsync();
        var found = new List<string>();
        Walk(contract.Document, "", (pointer, element) =>
        {
            if (!element.TryGetProperty("oneOf", out var branches)) return;
            // null, an empty object, a string, a number: none may be accepted by more than one branch.
            foreach (var sample in new[] { "null", "{}", "\"x\"", "1" })
            {
                var matching = Enumerable.Range(0, branches.GetArrayLength()).Count(i => !contract.Validate($"{pointer}/oneOf/{i}", sample).Any());
                if (matching > 1) found.Add($"{pointer}: {sample} matches {matching} branches");
            }
        });
        Assert.Empty(found);
    }

    [Fact]
    public async Task Every_operation_declares_401_403_and_429_with_retry_after()
    {
        var doc = (await ContractAsync()).Document;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                var responses = op.Value.GetProperty("responses");
                foreach (var status in new[] { "401", "403", "429" })
                    Assert.True(responses.TryGetProperty(status, out _), $"{op.Name} {path.Name} declares no {status}");
                var retryAfter = responses.GetProperty("429").GetProperty("headers").GetProperty("Retry-After");
                Assert.Equal("integer", retryAfter.GetProperty("schema").GetProperty("type").GetString());
                Assert.Contains("per API key", responses.GetProperty("429").GetProperty("description").GetString());
            }
    }

    [Fact]
    public async Task A_refusal_for_too_many_requests_keeps_the_contract()
    {
        using var limited = app.Factory.WithWebHostBuilder(b => b.UseSetting("Api:RateLimitPermits", "1"));
        var client = await limited.CreateApiClientAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/healthchecks?page_size=1")).StatusCode);
        // The handler checks this 429 against the document: its status, problem body and Retry-After header.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/healthchecks?page_size=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateApiClient("ak_nope_nope").GetAsync("/api/v1/healthchecks")).StatusCode);
        var manager = await app.Factory.CreateApiClientAsync(Roles.Manager, ApiScopes.Read);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/healthchecks")).StatusCode);
    }

    private static IEnumerable<string> TypesOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var t) ? ["object"]
        : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!) : [t.GetString()!];

    /// <summary>A value of this JSON type (and format): the example's own value where it has that type.</summary>
    private static JsonNode? Sample(string type, JsonElement schema, JsonNode? example) => type switch
    {
        "null" => null,
        "string" => example is JsonValue v && v.GetValueKind() == JsonValueKind.String ? example.DeepClone()
            : JsonValue.Create((schema.TryGetProperty("format", out var f) ? f.GetString() : null) switch
            {
                "date" => "1990-04-02",
                "date-time" => "2021-07-05T09:32:00Z",
                "uuid" => Guid.NewGuid().ToString(),
                _ => "1",
            }),
        "number" => example is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? example.DeepClone() : JsonValue.Create(1.5),
        "integer" => example is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? example.DeepClone() : JsonValue.Create(3),
        "boolean" => JsonValue.Create(true),
        "object" => new JsonObject(),
        "array" => new JsonArray(),
        _ => throw new InvalidOperationException(type),
    };

    private static void Walk(JsonElement e, string pointer, Action<string, JsonElement> visit)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            visit(pointer, e);
            foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{pointer}/{p.Name.Replace("~", "~0").Replace("/", "~1")}", visit);
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var x in e.EnumerateArray()) Walk(x, $"{pointer}/{i++}", visit);
        }
    }
}
