using System.Net;
using Admin.Testing;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Admin.Tests.Hosting;

/// <summary>Logs an HttpClient in through the real login form (anti-forgery token and all); the client keeps the cookie.</summary>
public static class HttpLogin
{
    public static async Task<HttpClient> CreateClientAsAsync(this WebApplicationFactory<Program> factory, TestDatabase db, string role, string? userName = null)
    {
        var name = await TestAccounts.EnsureAsync(db, role, userName);
        // Keeps the cookie, follows no redirect, and checks any /api answer against the OpenAPI document.
        var client = factory.CreateDefaultClient(new Admin.Tests.Api.OpenApiContractHandler(factory), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        var response = await PostLoginAsync(client, name, TestAccounts.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {name} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    /// <summary>GET the form, POST it back with its token. Returns the POST's response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var fields = HiddenFields(await ParseAsync(await client.GetStringAsync("/account/login")));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    public static async Task<IDocument> ParseAsync(string html) => await new HtmlParser().ParseDocumentAsync(html);

    /// <summary>The hidden inputs (handler name, anti-forgery token) of the first form matching <paramref name="form"/>.</summary>
    public static Dictionary<string, string> HiddenFields(IDocument page, string form = "form") =>
        (page.QuerySelector(form) ?? throw new InvalidOperationException($"No {form} on the page."))
            .QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
}
