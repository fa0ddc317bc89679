using System.Net;
using Admin.Data.Audit;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Cluster;

/// <summary>
/// Behind the proxy (ForwardedHeaders:KnownProxies), the client the proxy names is the client: the login rate limit
/// counts per real client, the audit trail records its address, and HTTPS at the proxy makes the cookie Secure.
/// Anyone else's X-Forwarded-For is ignored. TestServer has no TCP peer, so a test header plays the peer's address.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.1.2.3";
    private TestDatabase _db = null!;
    private WebApplicationFactory<Program> _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _app = new AdminAppFactory(_db.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Security:LoginAttemptsPerMinute"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        }).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, PeerAddress>()));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_login_limit_counts_each_client_behind_the_proxy_and_the_audit_records_it()
    {
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(Proxy, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(Proxy, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(Proxy, "203.0.113.7"));
        // Another client through the same proxy has its own allowance.
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(Proxy, "203.0.113.8"));

        var failed = await AuditRows.ListAsync(_db, AuditActions.LoginFailed);
        Assert.Contains(failed, e => e.ClientAddress == "203.0.113.7");
        Assert.Contains(failed, e => e.ClientAddress == "203.0.113.8");
        Assert.DoesNotContain(failed, e => e.ClientAddress == Proxy);
    }

    [Fact]
    public async Task A_client_that_is_not_the_proxy_cannot_choose_its_address()
    {
        Assert.Equal(HttpStatusCode.OK, await LoginAsync("198.51.100.9", "203.0.113.20"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync("198.51.100.9", "203.0.113.21"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync("198.51.100.9", "203.0.113.22"));

        var failed = await AuditRows.ListAsync(_db, AuditActions.LoginFailed);
        Assert.Contains(failed, e => e.ClientAddress == "198.51.100.9");
        Assert.DoesNotContain(failed, e => e.ClientAddress is "203.0.113.20" or "203.0.113.21");
    }

    [Fact]
    public async Task HTTPS_at_the_proxy_makes_the_session_cookie_Secure()
    {
        var name = await TestAccounts.EnsureAsync(_db, Data.Security.Roles.Analyst);

        var viaHttps = await PostLoginAsync(Proxy, "203.0.113.30", name, TestAccounts.Password, proto: "https");
        var spoofed = await PostLoginAsync("198.51.100.10", "203.0.113.31", name, TestAccounts.Password, proto: "https");

        Assert.Equal(HttpStatusCode.Redirect, viaHttps.StatusCode);
        Assert.Contains(SessionCookie(viaHttps).Split(';').Select(p => p.Trim()), p => p.Equals("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, spoofed.StatusCode);
        Assert.DoesNotContain(SessionCookie(spoofed).Split(';').Select(p => p.Trim()), p => p.Equals("secure", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpStatusCode> LoginAsync(string peer, string client) =>
        (await PostLoginAsync(peer, client, "nobody-" + Guid.NewGuid().ToString("N")[..6], "wrong-password-guess")).StatusCode;

    private async Task<HttpResponseMessage> PostLoginAsync(string peer, string client, string user, string password, string? proto = null)
    {
        using var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        // The form over plain HTTP (its anti-forgery cookie must travel back over this http:// client), the POST as the proxy says.
        var fields = HttpLogin.HiddenFields(await HttpLogin.ParseAsync(await http.GetStringAsync("/account/login")));
        fields["Input.UserName"] = user;
        fields["Input.Password"] = password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) };
        if (proto is not null) post.Headers.Add("X-Forwarded-Proto", proto);
        return await http.SendAsync(post);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("admin.session=", StringComparison.Ordinal));

    /// <summary>Plays the TCP peer's address from a test header, before anything else in the pipeline.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
