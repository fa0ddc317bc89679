using Admin.Data.Security;
using Admin.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Admin.Tests.Security;

public sealed class SecurityHeaderTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    public async Task Every_page_carries_the_policy_headers_and_is_not_cached(string path)
    {
        using var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Analyst);

        var response = await client.GetAsync(path);

        // The one inline script (the import map) runs by this response's nonce; every other script is same-origin.
        var nonce = await ImportMapNonceAsync(response);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal),
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, "pages with personal data must not be cached");
    }

    [Fact]
    public async Task Each_page_gets_its_own_nonce()
    {
        using var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Analyst);

        var first = await ImportMapNonceAsync(await client.GetAsync("/"));
        var second = await ImportMapNonceAsync(await client.GetAsync("/"));

        Assert.NotEqual(first, second);
        Assert.True(Convert.FromBase64String(first).Length >= 16, first);
    }

    private static async Task<string> ImportMapNonceAsync(HttpResponseMessage response)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var nonce = page.QuerySelector("script[type=importmap]")?.GetAttribute("nonce");
        Assert.False(string.IsNullOrEmpty(nonce), "the page's import map carries no nonce");
        return nonce;
    }

    [Fact]
    public async Task Session_cookie_is_http_only_and_same_site_strict()
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "cookie-user");
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await HttpLogin.PostLoginAsync(client, name, TestAccounts.Password);

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("admin.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SignalR_messages_stay_at_the_32_KB_default()
    {
        var hub = app.Factory.Services.GetRequiredService<IOptions<HubOptions>>().Value;
        Assert.Equal(32 * 1024, hub.MaximumReceiveMessageSize);
    }
}
