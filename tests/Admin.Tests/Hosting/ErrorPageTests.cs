using Admin.Data.Security;
using System.Net;
using Admin.Testing;

namespace Admin.Tests.Hosting;

/// <summary>What users see when something breaks: the app's own pages, with no internals.</summary>
public sealed class ErrorPageTests
{
    [Fact]
    public async Task Unknown_address_gets_the_not_found_page_in_the_layout()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var factory = new AdminAppFactory(db.ConnectionString);
        using var client = await factory.CreateClientAsAsync(db, Roles.Analyst);

        var response = await client.GetAsync("/no-such-page");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address.", body);
        Assert.Contains("HealthCheck Admin", body);
    }

    [Fact]
    public async Task Unhandled_error_in_production_shows_the_error_page_without_details()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var factory = new AdminAppFactory(db.ConnectionString, "Production");
        using var client = await factory.CreateClientAsAsync(db, Roles.Admin); // starts the app, which checks the schema first
        // The table vanishes under the running app: the home page's estimator throws.
        await db.ExecuteAsync("ALTER TABLE health_checks RENAME TO health_checks_gone");

        var response = await client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("health_checks", body);
        Assert.DoesNotContain("does not exist", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(db.Name, body);
    }
}
