using System.Net;
using Admin.Testing;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Admin.Tests.Hosting;

/// <summary>Logs an HttpClient in through the real login form (anti-forgery token and all); the client keeps the cookie.</summary>
public static class HttpLogin
{
    public static async Task<HttpClient> CreateClientAsAsync(this WebApplicationFactory<Program> factory, TestDatabase db, string role, string? userName = null)
    {
        var name = await TestAccounts.EnsureAsync(db, role, userName);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostLoginAsync(client, name, TestAccounts.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {name} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    /// <summary>GET the form, POST it back with its token. Returns the POST's response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var form = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/account/login"));
        var fields = form.QuerySelectorAll("form input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }
}
