using System.Net;
using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Admin.Ui.Pages;
using Bunit;

namespace Admin.Tests.Editing;

/// <summary>Only admins reach the edit form: over HTTP (the endpoint's policy) and in the detail page's Edit button.</summary>
public sealed class EditAccessTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private HealthCheck _check = null!;

    public async Task InitializeAsync()
    {
        _check = HealthCheckRows.Create(7);
        _check.FirstName = "Sipho";
        await using var db = app.Database.CreateDbContext();
        db.HealthChecks.Add(_check);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string EditUrl => $"/records/health-checks/{_check.Id}/edit";

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Manager)]
    public async Task Other_roles_are_refused_the_edit_route_and_receive_none_of_the_record(string role)
    {
        using var client = await app.Factory.CreateClientAsAsync(app.Database, role);
        var response = await client.GetAsync(EditUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(_check.Msisdn, body);
        Assert.DoesNotContain("Sipho", body);
    }

    [Fact]
    public async Task Nobody_logged_in_is_sent_to_the_login_page()
    {
        using var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(EditUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_admin_gets_the_form()
    {
        using var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Admin);
        var response = await client.GetAsync(EditUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"edit-save\"", html);
        Assert.Contains("Sipho", html);
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Analyst, false)]
    public async Task The_detail_page_offers_Edit_to_admins_only(string role, bool offered)
    {
        await using var ctx = EditPageContext.Create(app.Database, role);
        var page = ctx.Render<HealthCheckDetail>(p => p.Add(x => x.Id, _check.Id));
        page.WaitForElement("[data-testid=detail-fields]", TimeSpan.FromSeconds(15));

        var buttons = page.FindAll("[data-testid=detail-edit]");
        Assert.Equal(offered, buttons.Count == 1);
        if (offered) Assert.Equal($"records/health-checks/{_check.Id}/edit", buttons[0].GetAttribute("href"));
    }
}
