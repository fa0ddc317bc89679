using Admin.Data.Audit;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Ui.Pages;
using Bunit;

namespace Admin.Tests.Ui;

/// <summary>A record's history page: its views, edits (before and after) and exports, newest first, and nothing else.</summary>
public sealed class HealthCheckHistoryPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Guid Record = Guid.Parse("0190f4c2-6a8e-7b1c-9d2e-3f4a5b6c7d8e");
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var log = new AuditLog(_db.DataSource);
        var id = Record.ToString();
        await log.WriteAsync(new AuditEntry { ActorName = "analyst", Action = AuditActions.View, TableName = "health_checks", RecordId = id });
        await log.WriteAsync(new AuditEntry { ActorName = "boss", Action = AuditActions.Edit, TableName = "health_checks", RecordId = id,
            Detail = """{"before":{"city":"Durban","risk":"low"},"after":{"city":"Pretoria","risk":"high"}}""" });
        await log.WriteAsync(new AuditEntry { ActorName = "analyst", Action = AuditActions.Export, TableName = "health_checks", RecordId = id, Rows = 1, Query = $"q={id}&in=id" });
        await log.WriteAsync(new AuditEntry { ActorName = "someone", Action = AuditActions.View, TableName = "health_checks", RecordId = Guid.NewGuid().ToString() });
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Lists_the_records_entries_with_edits_before_and_after()
    {
        var admin = await TestAccounts.EnsureAsync(_db, Roles.Admin);
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Admin, userId: await TestAccounts.IdOfAsync(_db, admin));

        var cut = ctx.Render<HealthCheckHistory>(p => p.Add(x => x.Id, Record));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=history-entry]").Count), Patience);

        Assert.Equal(["export", "edit", "view"], cut.FindAll("[data-testid=history-entry]").Select(r => r.GetAttribute("data-action")));
        var changes = cut.FindAll("[data-testid=history-change]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["city: Durban → Pretoria", "risk: low → high"], changes);
        Assert.DoesNotContain("someone", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=history-older]"));
        // Looking at the history is itself audited, under the record's id.
        Assert.Contains(await AuditRows.ListAsync(_db, AuditActions.View), e => e.TableName == "audit_entries" && e.RecordId == Record.ToString());
    }
}
