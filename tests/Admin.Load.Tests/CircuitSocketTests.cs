using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Admin.Load.Accounts;
using Admin.Load.Circuits;

namespace Admin.Load.Tests;

/// <summary>The circuit's WebSocket as the server accepts it from a browser.</summary>
[Collection(LoadCollection.Name)]
public sealed class CircuitSocketTests(LoadAppFixture app)
{
    [Fact]
    public async Task A_browser_offering_compression_gets_it_without_context_takeover_either_way()
    {
        await using var users = new LoadUsers(app.Database.ConnectionString, "socket");
        var account = (await users.CreateAsync(["Analyst"], 1, CancellationToken.None))[0];
        using var session = new SessionClient(app.BaseAddress);
        await session.LoginAsync(account.UserName, account.Password, CancellationToken.None);
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
        // Compressed, but the server keeps no deflate state between messages (none held by an idle circuit).
        Assert.True(socket.HttpResponseHeaders!.TryGetValue("Sec-WebSocket-Extensions", out var extensions), "the server declined compression");
        var accepted = string.Join(", ", extensions!);
        Assert.Contains("permessage-deflate", accepted);
        Assert.Contains("server_no_context_takeover", accepted);
        Assert.Contains("client_no_context_takeover", accepted); // nor does the browser: the server's inflater is freed too
        Assert.Contains("frame-ancestors 'none'", socket.HttpResponseHeaders["Content-Security-Policy"].Single());
    }

    [Theory]
    [InlineData("permessage-deflate; client_max_window_bits", "permessage-deflate; client_max_window_bits; client_no_context_takeover")]
    [InlineData("permessage-deflate; client_no_context_takeover", "permessage-deflate; client_no_context_takeover")]
    [InlineData("x-webkit-deflate-frame, permessage-deflate", "x-webkit-deflate-frame, permessage-deflate; client_no_context_takeover")]
    public void The_offer_is_completed_with_client_no_context_takeover(string offer, string completed) =>
        Assert.Equal(completed, Admin.Hosting.CircuitSocket.WithClientNoContextTakeover(offer).ToString());
}
