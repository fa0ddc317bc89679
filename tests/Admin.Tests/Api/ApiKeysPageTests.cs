using System.Net;
using Admin.Api.Keys;
using Admin.Data.ApiKeys;
using Admin.Data.Audit;
using Admin.Data.Persistence;
using Admin.Data.Security;
using Admin.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Admin.Tests.Ui;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Api;

/// <summary>/admin/api-keys: admins create (secret shown once), list and revoke keys; each change is audited.</summary>
public sealed class ApiKeysPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private BunitContext Context() => UiTestContext.Create(s =>
    {
        s.AddSingleton<IDbContextFactory<AdminDbContext>>(new Factory(app.Database));
        s.AddSingleton(app.Database.DataSource);
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton<ApiKeyStore>();
        s.AddSingleton<AuditLog>();
        s.AddHttpContextAccessor();
        s.AddScoped<CircuitClientAddress>();
        s.AddScoped<CurrentActor>();
        s.AddScoped<AuditTrail>();
        s.AddScoped<ApiKeyAdministration>();
    });

    [Fact]
    public async Task An_admin_creates_a_key_sees_it_once_and_it_works()
    {
        await using var ctx = Context();
        var cut = ctx.Render<ApiKeys>();
        var name = "Data lake " + Guid.NewGuid().ToString("N")[..6];
        cut.Find("input[data-testid=key-name]").Change(name);
        cut.Find("input[data-testid=scope-write]").Change(true);
        cut.Find("[data-testid=create-key]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("input[data-testid=new-key-value]")), Patience);
        var key = cut.Find("input[data-testid=new-key-value]").GetAttribute("value")!;
        Assert.NotNull(ApiKeySecret.PrefixOf(key));
        // The new key shows as soon as it is made; the list is read again after it (a render of its own).
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"tr[data-prefix={ApiKeySecret.PrefixOf(key)}]")), Patience);
        var row = cut.Find($"tr[data-prefix={ApiKeySecret.PrefixOf(key)}]");
        Assert.Contains(name, row.TextContent);
        Assert.Contains("read write", row.TextContent);
        Assert.Contains(Roles.Analyst, row.TextContent);
        Assert.Contains("active", row.TextContent);

        // The key reads the feed; then it is dismissed and never shown again.
        var response = await app.Factory.CreateApiClient(key).GetAsync("/api/v1/healthchecks?page_size=1");
        Assert.True(response.IsSuccessStatusCode);
        cut.Find("[data-testid=dismiss-key]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=new-key]")), Patience);
        Assert.DoesNotContain(key, cut.Markup);
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE action = 'api-key-created' AND detail->>'name' = '{name}'"));
    }

    [Fact]
    public async Task Missing_name_and_scopes_are_explained_and_nothing_is_created()
    {
        await using var ctx = Context();
        var cut = ctx.Render<ApiKeys>();
        var before = await app.Database.ScalarAsync<long>("SELECT count(*) FROM api_keys");
        cut.Find("input[data-testid=scope-read]").Change(false);
        cut.Find("[data-testid=create-key]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Give the key a name", cut.Markup), Patience);
        Assert.Contains("at least one scope", cut.Markup);
        Assert.Equal(before, await app.Database.ScalarAsync<long>("SELECT count(*) FROM api_keys"));
    }

    [Fact]
    public async Task An_admin_revokes_a_key_and_it_stops_working_at_once()
    {
        var key = await app.Factory.CreateKeyAsync(Roles.Admin, [ApiScopes.Read]);
        var prefix = ApiKeySecret.PrefixOf(key)!;
        await using var ctx = Context();
        var cut = ctx.Render<ApiKeys>();
        cut.WaitForAssertion(() => cut.Find($"tr[data-prefix={prefix}] [data-testid=revoke]"), Patience);
        cut.Find($"tr[data-prefix={prefix}] [data-testid=revoke]").Click();
        // MudButton handles clicks asynchronously: wait for the confirmation to render.
        cut.WaitForElement($"tr[data-prefix={prefix}] [data-testid=confirm-revoke]", Patience).Click();
        cut.WaitForAssertion(() => Assert.Contains("revoked", cut.Find($"tr[data-prefix={prefix}]").TextContent), Patience);

        var response = await app.Factory.CreateApiClient(key).GetAsync("/api/v1/healthchecks?page_size=1");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE action = 'api-key-revoked' AND detail->>'prefix' = '{prefix}'"));
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Manager)]
    public async Task Only_admins_reach_the_page(string role)
    {
        var client = await app.Factory.CreateClientAsAsync(app.Database, role);
        var response = await client.GetAsync("/admin/api-keys");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var admin = await app.Factory.CreateClientAsAsync(app.Database, Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/api-keys")).StatusCode);
    }

    private sealed class Factory(TestDatabase db) : IDbContextFactory<AdminDbContext>
    {
        public AdminDbContext CreateDbContext() => db.CreateDbContext();
    }
}
