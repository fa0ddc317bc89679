using Admin.Security;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Primitives;

namespace Admin.Hosting;

/// <summary>How the server accepts a circuit's WebSocket.</summary>
public static class CircuitSocket
{
    /// <summary>
    /// Compression stays (render batches are 2.5–3x smaller on the wire), but without server context takeover: Blazor's
    /// default keeps each connection's deflate state (~350 KB of native memory) for the circuit's life, idle or not; this
    /// frees it after every message at about 3–14 % more bytes. Frame ancestors as the app's own policy: none.
    /// </summary>
    public static void Configure(ServerComponentsEndpointOptions options)
    {
        options.ContentSecurityFrameAncestorsPolicy = SecurityHeaders.FrameAncestors;
        options.ConfigureWebSocketAcceptContext = (_, accept) =>
        {
            accept.DangerousEnableCompression = true;
            accept.DisableServerContextTakeover = true;
            return Task.CompletedTask;
        };
    }

    private const string DeflateOffer = "permessage-deflate";
    private const string ClientNoContextTakeover = "client_no_context_takeover";

    /// <summary>
    /// The browser compresses each of its messages on its own too: ASP.NET Core answers client_no_context_takeover only
    /// when the offer holds it (browsers do not offer it; a server may add it to its answer, RFC 7692 7.1.1.2), so the
    /// offer to the circuit's socket is completed here. The server's inflater is then freed after each message instead
    /// of keeping its 32 KB window for the circuit's life; a browser's messages (events, interop answers) are small.
    /// </summary>
    public static IApplicationBuilder UseCircuitSocketOffer(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var offers = context.Request.Headers.SecWebSocketExtensions;
            if (offers.Count > 0 && context.Request.Path.StartsWithSegments("/_blazor"))
                context.Request.Headers.SecWebSocketExtensions = WithClientNoContextTakeover(offers);
            return next(context);
        });

    /// <summary>Each permessage-deflate offer with client_no_context_takeover added; other extensions as they were.</summary>
    public static StringValues WithClientNoContextTakeover(StringValues offers) =>
        string.Join(", ", offers.SelectMany(h => (h ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(o => o.StartsWith(DeflateOffer, StringComparison.Ordinal) && !o.Contains(ClientNoContextTakeover, StringComparison.Ordinal)
                ? o + "; " + ClientNoContextTakeover
                : o));
}
