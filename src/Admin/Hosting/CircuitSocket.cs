using Admin.Security;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Primitives;

namespace Admin.Hosting;

/// <summary>How the server accepts a circuit's WebSocket.</summary>
public static class CircuitSocket
{
    /// <summary>
    /// Compression is off unless <c>Circuits:Compression</c> is true. Under load it was a fifth of the server's CPU per
    /// action (300 users on 20M rows: 9.98 → 7.91 ms an action without it; README, "Fifth series") for render batches
    /// 2.5–3x larger on the wire, which a department's network carries easily; and no secret shares a compression
    /// context with text a user typed. Turned on (slow links), it runs without server context takeover: Blazor's default
    /// keeps each connection's deflate state (~350 KB of native memory) for the circuit's life, idle or not; this frees it
    /// after every message at about 3–14 % more bytes. Frame ancestors as the app's own policy: none.
    /// </summary>
    public static void Configure(ServerComponentsEndpointOptions options, bool compress)
    {
        options.ContentSecurityFrameAncestorsPolicy = SecurityHeaders.FrameAncestors;
        options.ConfigureWebSocketAcceptContext = (_, accept) =>
        {
            accept.DangerousEnableCompression = compress;
            accept.DisableServerContextTakeover = true;
            return Task.CompletedTask;
        };
    }

    /// <summary>Whether circuits' WebSockets are compressed (<c>Circuits:Compression</c>, off by default).</summary>
    public static bool Compress(IConfiguration configuration) => configuration.GetValue("Circuits:Compression", false);

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
