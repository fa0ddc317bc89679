namespace Admin.Api;

public static class ApiPaths
{
    public const string Root = "/api";
    public const string HealthChecks = "/api/v1/healthchecks";
    public const string HealthChecksBatch = "/api/v1/healthchecks/batch";
    public const string OpenApiDocument = "/openapi/v1.json";

    /// <summary>The OpenAPI browser (Scalar) for logged-in people; a page, so an anonymous visit goes to the login page.</summary>
    public const string Docs = "/api/docs";

    public static bool IsDocs(PathString path) => path.StartsWithSegments(Docs);

    public static bool IsApi(PathString path) => path.StartsWithSegments(Root);

    /// <summary>Requests whose Bearer header is an API key: the API itself and its OpenAPI document.</summary>
    public static bool AcceptsApiKeys(PathString path) => IsApi(path) || path.StartsWithSegments("/openapi");
}
