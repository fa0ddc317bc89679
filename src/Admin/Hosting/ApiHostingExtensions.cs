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
using Microsoft.AspNetCore.ResponseCompression;
using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

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

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            // Numbers are read as JSON numbers only (JsonBody reads bodies so); the web default would also read "-26.2",
            // and the OpenAPI document, generated from these options, then promised strings the API refuses.
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddOpenApi(ApiOpenApi.DocumentName, ApiOpenApi.Configure);
        services.AddAdminApiCompression();
        return builder;
    }

    /// <summary>
    /// gzip or Brotli for API JSON when the client accepts it, at the fastest level (a 5,000-row page is ~4 MB of
    /// repetitive JSON: the fastest levels already shrink it several times over for little CPU; README "API").
    /// HTTPS included: an API answer holds no secret beside text an attacker chooses (the key is only in the request),
    /// so BREACH does not apply; pages, which carry anti-forgery tokens, are never compressed (UseWhen below).
    /// </summary>
    private static void AddAdminApiCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            // First listed wins when a client accepts both equally: at their fastest levels gzip made a 5,000-row page
            // 4.6x smaller and Brotli 3.5x (README "API", measured), for about the same CPU.
            o.Providers.Add<GzipCompressionProvider>();
            o.Providers.Add<BrotliCompressionProvider>();
            o.MimeTypes = ["application/json", "application/problem+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }

    /// <summary>Compresses /api answers only (see <see cref="AddAdminApiCompression"/>).</summary>
    public static WebApplication UseAdminApiCompression(this WebApplication app)
    {
        app.UseWhen(ctx => ApiPaths.IsApi(ctx.Request.Path), api => api.UseResponseCompression());
        return app;
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

        // The OpenAPI browser, for logged-in users (the fallback policy): its bundle is served by the app itself, no
        // CDN fonts, telemetry or AI agent (the CSP allows only this origin); its one inline script carries a per-request
        // nonce that SecurityHeaders adds to the policy.
        app.MapScalarApiReference(ApiPaths.Docs, o => o
            .WithTitle("HealthCheck Admin API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddDocument(ApiOpenApi.DocumentName)
            .WithNonce()
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp());
        return app;
    }
}
