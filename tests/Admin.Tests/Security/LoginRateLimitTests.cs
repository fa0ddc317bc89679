using System.Net;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Admin.Tests.Security;

/// <summary>Login attempts per client address are limited whatever the user name, so spraying passwords is slow.</summary>
public sealed class LoginRateLimitTests
{
    [Fact]
    public async Task Attempts_over_the_limit_get_429_with_a_readable_message()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var factory = new AdminAppFactory(db.ConnectionString, settings: new Dictionary<string, string?> { ["Security:LoginAttemptsPerMinute"] = "3" });
        var name = await TestAccounts.EnsureAsync(db, Roles.Analyst);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await HttpLogin.PostLoginAsync(client, $"sprayed-{i}", "some-password-guess")).StatusCode);
        var rightPassword = await HttpLogin.PostLoginAsync(client, name, TestAccounts.Password);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
        Assert.Contains("Too many login attempts", await rightPassword.Content.ReadAsStringAsync());
        // The form itself (GET) is not limited: only password guesses are.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
