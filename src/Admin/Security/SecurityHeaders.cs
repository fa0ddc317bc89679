namespace Admin.Security;

/// <summary>
/// Response headers that make the browser an ally: a Content Security Policy the app actually runs under (Blazor
/// Server and MudBlazor need only same-origin scripts and a WebSocket; MudBlazor sets inline styles, hence
/// 'unsafe-inline' for styles only), no framing, no MIME sniffing, no referrer (list URLs can hold a searched phone
/// number), and no caching of pages that show personal data.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string FrameAncestors = "'none'";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + FrameAncestors;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // A page's import map and the OpenAPI browser's one inline script are allowed by the nonce they were rendered
            // with (this response only).
            headers.ContentSecurityPolicy = PageNonce.Of(context) is { } nonce
                ? ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // Static assets are fingerprinted and cacheable; everything else may carry personal data.
            if (!headers.ContainsKey("Cache-Control"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
