using System.Text.Json.Nodes;
using Admin.Api.HealthChecks;
using Admin.Data.Bulk;
using Admin.Data.Entities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Admin.Api;

/// <summary>
/// What the generated OpenAPI document cannot know from the endpoints alone, added so that the document is a contract
/// clients and validators can hold the API to (tests check every API answer against it):
/// <list type="bullet">
/// <item>401, 403 and 429 on every operation (authentication, authorization and the per-key rate limiter answer
/// before an endpoint runs), the 429 with its Retry-After header and the limit; 500 and 503 (ApiErrorMiddleware);</item>
/// <item><c>data</c> (a JsonElement) as "an object or null": the generator writes <c>oneOf: [null, {}]</c>, and a null
/// matches both branches, so strict validators and generated clients refuse every record;</item>
/// <item>request examples (sent to the live endpoint by a test, so they stay valid).</item>
/// </list>
/// Numbers are numbers because the API's JSON options read numbers strictly (ApiHostingExtensions), as JsonBody does.
/// </summary>
public static class ApiOpenApiContract
{
    /// <summary>An example number from 080, the free-call range: valid to the API's rules, no mobile subscriber's.</summary>
    public const string ExampleMsisdn = "+27800000000";

    private const string ProblemSchema = "ProblemDetails";
    private const string JsonElementSchema = "JsonElement";

    public static Task Complete(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var api = context.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        ReplaceJsonElementProperties(document);
        foreach (var path in document.Paths.Values)
            foreach (var (method, operation) in path.Operations ?? [])
            {
                operation.Responses ??= [];
                Refusal(document, operation, "401", "No valid API key: send Authorization: Bearer ak_… with a key that is not revoked or expired.");
                Refusal(document, operation, "403", "The key lacks the scope (read for the feed, write for posting) or its role may not use records.");
                var limit = Refusal(document, operation, "429",
                    $"Too many requests: the limit is per API key, {api.RateLimitPermits:N0} requests per {api.RateLimitWindow.TotalSeconds:0} s " +
                    "(a fixed window). Wait the seconds Retry-After gives, then repeat the request.");
                Refusal(document, operation, "500", "A failure on the server's side, logged; detail holds a reference. Nothing was written.");
                Refusal(document, operation, "503", "The database could not answer in time; retry shortly. Nothing was written.");
                limit.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds until the key's window has room again.",
                        Required = true,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                    },
                };
                if (method == HttpMethod.Post && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true && body is OpenApiMediaType media)
                    media.Example = operation.OperationId == "PostHealthCheckBatch"
                        ? new JsonArray(ExampleCheck("flow-example-1"), ExampleCheck("flow-example-2"))
                        : ExampleCheck("flow-example-1");
            }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Refusal(OpenApiDocument document, OpenApiOperation operation, string status, string description)
    {
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
        operation.Responses![status] = response;
        return response;
    }

    // Every property whose schema is (a oneOf with) the empty JsonElement schema becomes "object or null".
    private static void ReplaceJsonElementProperties(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return;
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Properties is null) continue;
            foreach (var (name, property) in schema.Properties.ToList())
            {
                if (!IsJsonElement(property) && !(property.OneOf?.Any(IsJsonElement) ?? false)) continue;
                schema.Properties[name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    Description = property.Description ?? "A JSON object, or null.",
                };
            }
        }
        schemas.Remove(JsonElementSchema);
    }

    private static bool IsJsonElement(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference { Reference.Id: JsonElementSchema };

    /// <summary>A valid HealthCheck as a chat flow posts it: a generated one, with the documentation's own number.</summary>
    private static JsonObject ExampleCheck(string deduplicationId)
    {
        var json = HealthCheckRequestJson.From(ExampleSource.Value);
        json["deduplication_id"] = deduplicationId;
        json["msisdn"] = ExampleMsisdn;
        return json;
    }

    private static readonly Lazy<HealthCheck> ExampleSource = new(() => new HealthCheckGenerator(seed: 7, rows: 1).Generate().First());
}
