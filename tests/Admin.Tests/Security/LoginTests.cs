using System.Net;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Admin.Tests.Security;

/// <summary>The login form through the whole pipeline: messages, lockout, one-time passwords, and what the audit trail keeps.</summary>
public sealed class LoginTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_one_message_and_audited()
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "wrong-pw-user");
        using var client = NewClient();

        var response = await HttpLogin.PostLoginAsync(client, name, "not-the-password-at-all");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password.", body);
        // An unknown user reads exactly the same: the form does not reveal which accounts exist.
        var unknown = await (await HttpLogin.PostLoginAsync(client, "nobody-by-this-name", "whatever-password")).Content.ReadAsStringAsync();
        Assert.Contains("Wrong user name or password.", unknown);
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE action = 'login-failed' AND actor_name = '{name}' AND detail->>'reason' = 'bad-credentials'"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "lockout-user");
        using var client = NewClient();
        for (var i = 0; i < 5; i++)
            await HttpLogin.PostLoginAsync(client, name, "wrong-password-" + i);

        var response = await HttpLogin.PostLoginAsync(client, name, TestAccounts.Password);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no redirect: not logged in
        Assert.Contains("this account is locked", body);
        Assert.True(await app.Database.ScalarAsync<bool>($"SELECT lockout_end > now() FROM users WHERE user_name = '{name}'"));
        // The fifth failure locks the account (and says so), then the right password is refused too.
        Assert.Equal(2L, await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE action = 'login-failed' AND actor_name = '{name}' AND detail->>'reason' = 'locked-out'"));
    }

    [Fact]
    public async Task A_login_is_audited_with_who_and_lands_on_the_return_url()
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "return-user");
        using var client = NewClient();

        var response = await PostLoginWithReturnUrlAsync(client, name, "/hotspots");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hotspots", PathOf(response));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries a JOIN users u ON u.id = a.actor_id WHERE a.action = 'login' AND u.user_name = '{name}'"));
    }

    [Fact]
    public async Task A_page_without_a_session_sends_to_login_which_says_why()
    {
        using var client = NewClient();

        var page = await client.GetAsync("/records/health-checks?province=ZA-GP");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var login = await client.GetStringAsync(page.Headers.Location);

        Assert.Contains("Your session has ended or you are not logged in.", login);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_off_this_site_is_ignored(string returnUrl)
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "redirect-user");
        using var client = NewClient();

        var response = await PostLoginWithReturnUrlAsync(client, name, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", PathOf(response));
    }

    [Fact]
    public async Task A_one_time_password_leads_only_to_the_change_password_page_until_changed()
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "first-login-user", mustChangePassword: true);
        using var client = NewClient();

        var login = await HttpLogin.PostLoginAsync(client, name, TestAccounts.Password);
        Assert.Equal("/account/change-password", PathOf(login));
        var elsewhere = await client.GetAsync("/records/health-checks");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/account/change-password", PathOf(elsewhere));

        var changed = await PostChangePasswordAsync(client, TestAccounts.Password, "a-brand-new-long-passphrase");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/records/health-checks")).StatusCode);
        Assert.False(await app.Database.ScalarAsync<bool>($"SELECT must_change_password FROM users WHERE user_name = '{name}'"));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries a JOIN users u ON u.id = a.record_id WHERE a.action = 'password-changed' AND u.user_name = '{name}'"));
    }

    [Fact]
    public async Task A_short_new_password_is_refused_with_the_rule()
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "short-pw-user");
        using var client = NewClient();
        await HttpLogin.PostLoginAsync(client, name, TestAccounts.Password);

        var response = await PostChangePasswordAsync(client, TestAccounts.Password, "short");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", body);
    }

    [Fact]
    public async Task Logout_needs_the_anti_forgery_token_then_ends_the_session()
    {
        using var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Analyst, "logout-user");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hotspots")).StatusCode);

        var page = await HttpLogin.ParseAsync(await client.GetStringAsync("/hotspots"));
        var token = page.QuerySelector("form[action='/account/logout'] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/hotspots");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", PathOf(after));
    }

    /// <summary>The redirect's path and query, whether the app wrote it absolute or relative.</summary>
    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "(no redirect)";

    private HttpClient NewClient() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> PostLoginWithReturnUrlAsync(HttpClient client, string name, string returnUrl)
    {
        var url = "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await HttpLogin.ParseAsync(await client.GetStringAsync(url));
        var fields = HttpLogin.HiddenFields(form);
        fields["Input.UserName"] = name;
        fields["Input.Password"] = TestAccounts.Password;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PostChangePasswordAsync(HttpClient client, string current, string next)
    {
        var form = await HttpLogin.ParseAsync(await client.GetStringAsync("/account/change-password"));
        var fields = HttpLogin.HiddenFields(form, "form:not([action='/account/logout'])");
        fields["Input.Current"] = current;
        fields["Input.New"] = next;
        fields["Input.Confirm"] = next;
        return await client.PostAsync("/account/change-password", new FormUrlEncodedContent(fields));
    }
}
