using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Admin.Load.Circuits;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;

namespace Admin.Load.Tests;

/// <summary>The circuit's WebSocket as the server accepts it from a browser.</summary>
[Collection(LoadCollection.Name)]
public sealed class CircuitSocketTests(LoadAppFixture app)
{
    [Fact]
    public async Task A_browser_offering_compression_gets_an_uncompressed_socket_by_default()
    {
        await using var analyst = await AnalystSession.LogInAsync(app, "socket");
        var session = analyst.Session;
        using var negotiate = await session.Http.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        socket.Options.Cookies = session.Cookies;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions(); // what every browser offers: permessage-deflate
        await socket.ConnectAsync(new UriBuilder(new Uri(app.BaseAddress, "_blazor")) { Scheme = "ws", Query = "id=" + token }.Uri, CancellationToken.None);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.Equal(WebSocketState.Open, socket.State);
        // Compression is a setting, off by default (CPU per action under load; no shared compression context).
        Assert.False(socket.HttpResponseHeaders!.ContainsKey("Sec-WebSocket-Extensions"), "the server accepted compression");
        Assert.Contains("frame-ancestors 'none'", socket.HttpResponseHeaders["Content-Security-Policy"].Single());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Turned_on_compression_keeps_no_deflate_state_between_messages(bool compress)
    {
        var options = new ServerComponentsEndpointOptions();
        Admin.Hosting.CircuitSocket.Configure(options, compress);
        var accept = new WebSocketAcceptContext();
        await options.ConfigureWebSocketAcceptContext!(new DefaultHttpContext(), accept);
        Assert.Equal(compress, accept.DangerousEnableCompression);
        Assert.True(accept.DisableServerContextTakeover); // none held by an idle circuit when on
        Assert.Equal("'none'", options.ContentSecurityFrameAncestorsPolicy);
    }

    [Theory]
    [InlineData("permessage-deflate; client_max_window_bits", "permessage-deflate; client_max_window_bits; client_no_context_takeover")]
    [InlineData("permessage-deflate; client_no_context_takeover", "permessage-deflate; client_no_context_takeover")]
    [InlineData("x-webkit-deflate-frame, permessage-deflate", "x-webkit-deflate-frame, permessage-deflate; client_no_context_takeover")]
    public void The_offer_is_completed_with_client_no_context_takeover(string offer, string completed) =>
        Assert.Equal(completed, Admin.Hosting.CircuitSocket.WithClientNoContextTakeover(offer).ToString());
}
