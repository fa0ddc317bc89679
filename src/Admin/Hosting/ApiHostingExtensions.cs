using Admin.Api;
using Admin.Api.Feed;
using Admin.Api.Keys;
using Admin.Data.ApiKeys;
using Admin.Data.Feed;
using Admin.Data.Ingest;
using Admin.Api.HealthChecks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Admin.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>The data-lake API: API keys (scheme, policies, per-key rate limit), the change feed, the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<HealthCheckFeed>();
        services.AddSingleton<HealthCheckWriter>();
        services.AddSingleton<FeedCursorCodec>();
        services.AddScoped<ApiCallAudit>();
        services.AddScoped<ApiKeyAdministration>();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        // A Bearer key on an API path is authenticated by the default scheme too (forwarded), so the rate limiter,
        // which runs before authorization, already knows which key is calling. Anywhere else a Bearer header means nothing.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
            o.ForwardDefaultSelector = ctx =>
                ApiPaths.AcceptsApiKeys(ctx.Request.Path) && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyDefaults.Scheme
                    : null);
        services.AddAuthorization(ApiPolicies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddRateLimiter(o => o.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddOpenApi(ApiOpenApi.DocumentName, ApiOpenApi.Configure);
        return builder;
    }

    /// <summary>Problem details, never HTML, for every /api answer (before the status-code pages can step in).</summary>
    public static WebApplication UseAdminApiErrors(this WebApplication app)
    {
        app.UseMiddleware<ApiErrorMiddleware>();
        return app;
    }

    /// <summary>Audits API calls made with a key; placed after authentication, before authorization.</summary>
    public static WebApplication UseAdminApiAudit(this WebApplication app)
    {
        app.UseMiddleware<ApiAuditMiddleware>();
        return app;
    }

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1").RequireRateLimiting(ApiRateLimitPolicy.Name).WithTags("HealthChecks")
            .AddEndpointFilter<Observability.ApiTelemetry>();
        v1.MapGet("/healthchecks", HealthCheckFeedEndpoint.GetAsync)
            .RequireAuthorization(ApiPolicies.Read)
            .WithName("GetHealthCheckFeed")
            .WithSummary("The HealthCheck change feed: every row exactly once, in commit order, resumable by cursor.")
            .AddOpenApiOperationTransformer(ApiOpenApi.DescribeFeedParameters)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapPost("/healthchecks", HealthCheckWriteEndpoints.PostAsync)
            .RequireAuthorization(ApiPolicies.Write)
            .WithName("PostHealthCheck")
            .WithSummary("Store one HealthCheck: validated, risk computed here; a repeated deduplication_id returns the stored record (200), a new one 201.")
            .Accepts<HealthCheckRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        v1.MapPost("/healthchecks/batch", HealthCheckWriteEndpoints.PostBatchAsync)
            .RequireAuthorization(ApiPolicies.Write)
            .WithName("PostHealthCheckBatch")
            .WithSummary("Store up to 10,000 HealthChecks in one transaction: all valid or nothing written; per item created or existing.")
            .Accepts<List<HealthCheckRequest>>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        // Needs a login or any valid key (the fallback policy): the document holds no data, but nothing here is
        // published to anonymous callers, and every client of the API has a key anyway.
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
