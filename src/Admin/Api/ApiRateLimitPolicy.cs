using System.Globalization;
using System.Threading.RateLimiting;
using Admin.Api.Keys;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Admin.Api;

/// <summary>
/// A fixed window of requests per API key (partitioned by key id; an unauthenticated caller by address), so one busy or
/// runaway client cannot starve the others. Refusals are 429 problem details with Retry-After.
/// </summary>
public sealed class ApiRateLimitPolicy(IOptions<ApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "api";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var key = httpContext.User.FindFirst(ApiKeyDefaults.KeyIdClaim)?.Value is { } id
            ? "key:" + id
            : "address:" + httpContext.Connection.RemoteIpAddress;
        var o = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.RateLimitPermits,
            Window = o.RateLimitWindow,
            QueueLimit = 0,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This API key has used its {options.Value.RateLimitPermits} requests per {options.Value.RateLimitWindow.TotalSeconds:0} s. Retry after {seconds} s.");
    };
}
