using System.Net;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Admin.Tests.Security;

/// <summary>Hostile input in the account forms: a readable answer, never a 500, never a login.</summary>
public sealed class HostileFormTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string> Inputs() =>
    [
        "admin\0", "\0", "admin' --", "' OR '1'='1", "admin\u0007", "a" + (char)0xD800, new string('x', 300), new string('x', 100_000),
        "<script>alert(1)</script>", "%00", "admin\r\nSet-Cookie: x=1",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Login_with_a_hostile_user_name_is_refused_politely(string input)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await HttpLogin.PostLoginAsync(client, input, "whatever-password");
        var body = await response.Content.ReadAsStringAsync();

        // A NUL cannot come from a browser's text box; the form reader refuses it with 400 before the page runs.
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
            Assert.Matches("Wrong user name or password|at most 256 characters|Type your user name", body);
        Assert.DoesNotContain("<script>alert(1)</script>", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Login_with_a_hostile_password_is_refused_politely(string input)
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "hostile-pw-target");
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await HttpLogin.PostLoginAsync(client, name, input);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync());
        // Reset the failure count so the battery does not lock the account halfway.
        await app.Database.ExecuteAsync($"UPDATE users SET access_failed_count = 0, lockout_end = NULL WHERE user_name = '{name}'");
    }
}
