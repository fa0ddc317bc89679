using System.Net;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Admin.Tests.Cluster;

/// <summary>
/// Two app nodes over one database, as behind the proxy: Data Protection keys live in the database, so a form served
/// by one node posts to the other, and a session cookie issued by one is honoured by the other.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AdminAppFactory _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _a = new AdminAppFactory(_db.ConnectionString);
        _b = new AdminAppFactory(_db.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_login_form_from_one_node_posts_to_the_other_and_its_cookie_works_on_the_first()
    {
        var name = await TestAccounts.EnsureAsync(_db, Roles.Admin);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var nodeA = _a.CreateClient(options);
        using var nodeB = _b.CreateClient(options);

        var form = await nodeA.GetAsync("/account/login");
        var antiforgery = Cookies(form);
        var fields = HttpLogin.HiddenFields(await HttpLogin.ParseAsync(await form.Content.ReadAsStringAsync()));
        fields["Input.UserName"] = name;
        fields["Input.Password"] = TestAccounts.Password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", antiforgery);
        var login = await nodeB.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = Cookies(login);
        Assert.Contains("admin.session=", session);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin");
        page.Headers.Add("Cookie", session);
        var onA = await nodeA.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);

        // The control: without the cookie node A sends the browser to log in.
        Assert.Equal(HttpStatusCode.Redirect, (await nodeA.GetAsync("/admin")).StatusCode);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : []);
}
