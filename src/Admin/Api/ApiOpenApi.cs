using Admin.Api.Feed;
using Admin.Api.Keys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Admin.Api;

/// <summary>
/// The OpenAPI document (/openapi/v1.json): the API's endpoints, the Bearer key scheme, and the feed's query
/// parameters (the endpoint reads them strictly from the query string, so they are described here rather than bound).
/// </summary>
public static class ApiOpenApi
{
    public const string DocumentName = "v1";

    public static void Configure(OpenApiOptions options)
    {
        // Only the data-lake API: the UI's form posts (logout) are not for clients.
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "HealthCheck Admin API",
                Version = "v1",
                Description = "The HealthCheck change feed for data lakes (every row exactly once, README \"API\") and idempotent HealthCheck writes. " +
                              "Authenticate with an API key an admin created at /admin/api-keys: Authorization: Bearer ak_…",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (ak_…), scoped read and/or write; its role decides masking.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [] });
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(ApiOpenApiContract.Complete);
    }

    /// <summary>Describes the change feed's query parameters on its operation.</summary>
    public static Task DescribeFeedParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.Parameters ??= [];
        foreach (var (name, description, example) in FeedParameterDocs)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = false,
                Description = description,
                Schema = new OpenApiSchema { Type = name == FeedQuery.PageSizeParameter ? JsonSchemaType.Integer : JsonSchemaType.String },
                Example = example is null ? null : name == FeedQuery.PageSizeParameter ? JsonValue.Create(int.Parse(example, CultureInfo.InvariantCulture)) : JsonValue.Create(example),
            });
        }
        return Task.CompletedTask;
    }

    // Each example is sent to the live endpoint by a test (OpenApiDocumentTests): it must be accepted.
    private static readonly (string Name, string Description, string? Example)[] FeedParameterDocs =
    [
        ("cursor", "The cursor of a previous answer: continue (or resume later) after it. Send the same filters with it.", null),
        ("page_size", "Rows per page, 1 to 5000 (default 1000).", "1000"),
        ("since", "Only checks whose own timestamp is at or after this ISO 8601 date or date-time (UTC unless an offset is given).", "2021-06-01T00:00:00Z"),
        ("province", "Province code, e.g. ZA-GP (old codes ZA-GT, ZA-NL, ZA-NP are accepted).", "ZA-GP"),
        ("district", "District code, e.g. DC5 or JHB.", "JHB"),
        ("risk", "low, moderate, high or critical.", "high"),
        ("msisdn", "A full mobile number: +27 and nine digits (encode + as %2B), or ten digits starting 06, 07 or 08.", ApiOpenApiContract.ExampleMsisdn),
    ];
}
