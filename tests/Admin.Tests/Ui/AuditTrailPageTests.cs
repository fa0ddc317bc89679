using Admin.Data.Audit;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>The audit trail page: the keyset grid over audit_entries, newest first, filtered by action, person and record.</summary>
public sealed class AuditTrailPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var log = new AuditLog(_db.DataSource);
        await log.WriteAsync(new AuditEntry { ActorName = "analyst", Action = AuditActions.Login, ClientAddress = "10.0.0.7" });
        await log.WriteAsync(new AuditEntry { ActorName = "analyst", Action = AuditActions.Search, TableName = "health_checks", Query = "province=ZA-GP&q=%2B27%2082%20***%204567&in=phone" });
        await log.WriteAsync(new AuditEntry { ActorName = "analyst", Action = AuditActions.View, TableName = "health_checks", RecordId = "0190f4c2-6a8e-7b1c-9d2e-3f4a5b6c7d8e" });
        await log.WriteAsync(new AuditEntry { ActorName = "admin", Action = AuditActions.Login });
        await log.WriteAsync(new AuditEntry { ActorName = "admin", Action = AuditActions.RoleChanged, TableName = "users", RecordId = "user-1", Detail = """{"user":"sipho","detail":{"from":"Analyst","to":"Manager"}}""" });
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private BunitContext Context(string url)
    {
        var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Admin);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx;
    }

    private static List<string> Actions(IRenderedComponent<AuditEntries> cut) =>
        cut.FindAll("tr.kg-row").Select(r => r.Children[2].TextContent).ToList();

    [Fact]
    public async Task Lists_the_trail_newest_first_with_the_search_readable()
    {
        await using var ctx = Context("admin/audit");

        var cut = ctx.Render<AuditEntries>();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("tr.kg-row").Count), Patience);

        Assert.Equal(["role-changed", "login", "view", "search", "login"], Actions(cut));
        Assert.Contains("province=ZA-GP&q=+27 82 *** 4567&in=phone", cut.Markup.Replace("&amp;", "&"));
    }

    [Theory]
    [InlineData("admin/audit?action=login", "login,login")]
    [InlineData("admin/audit?q=analyst&in=actor", "view,search,login")]
    [InlineData("admin/audit?q=0190f4c2-6a8e-7b1c-9d2e-3f4a5b6c7d8e&in=record", "view")]
    [InlineData("admin/audit?action=login&q=admin&in=actor", "login")]
    public async Task Filters_by_action_person_and_record(string url, string expected)
    {
        await using var ctx = Context(url);

        var cut = ctx.Render<AuditEntries>();
        cut.WaitForAssertion(() => Assert.Equal(expected, string.Join(",", Actions(cut))), Patience);
    }

    [Fact]
    public async Task An_entry_opens_with_its_detail()
    {
        var id = await _db.ScalarAsync<long>("SELECT id FROM audit_entries WHERE action = 'role-changed'");
        await using var ctx = Context($"admin/audit/{id}");

        var cut = ctx.Render<AuditEntryDetail>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=detail-fields]")), Patience);

        var fields = cut.Find("[data-testid=detail-fields]").TextContent;
        Assert.Contains("role-changed", fields);
        Assert.Contains("\"to\": \"Manager\"", fields);
        // Reading the trail is itself in the trail.
        var view = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.View), e => e.TableName == "audit_entries");
        Assert.Equal(id.ToString(), view.RecordId);
    }
}
