using Admin.Data.Audit;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Ui.Pages;
using Bunit;

namespace Admin.Tests.Ui;

/// <summary>The users page in a live circuit over the real Identity stores.</summary>
public sealed class UsersPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _db = null!;
    private string _adminId = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _adminId = await TestAccounts.IdOfAsync(_db, await TestAccounts.EnsureAsync(_db, Roles.Admin));
        await TestAccounts.EnsureAsync(_db, Roles.Analyst);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IRenderedComponent<Users> Render(BunitContext ctx)
    {
        var cut = ctx.Render<Users>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr[data-user]")), Patience);
        return cut;
    }

    [Fact]
    public async Task Lists_users_with_role_and_state_and_offers_no_lock_or_reset_on_your_own_row()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Admin, userId: _adminId);

        var cut = Render(ctx);

        Assert.Equal(["admin", "analyst"], cut.FindAll("tr[data-user]").Select(r => r.GetAttribute("data-user")));
        Assert.Contains("(you)", cut.Find("tr[data-user=admin]").TextContent);
        Assert.Empty(cut.FindAll("tr[data-user=admin] [data-testid=lock]"));
        Assert.Empty(cut.FindAll("tr[data-user=admin] [data-testid=reset]"));
        Assert.NotEmpty(cut.FindAll("tr[data-user=analyst] [data-testid=lock]"));
        Assert.Equal("active", cut.Find("tr[data-user=analyst] [data-testid=status]").TextContent.Trim());
    }

    [Fact]
    public async Task Creating_a_user_shows_the_one_time_password_once()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Admin, userId: _adminId);
        var cut = Render(ctx);

        cut.Find("input[data-testid=new-user-name]").Input("nomsa");
        cut.Find("button[data-testid=create-user]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr[data-user=nomsa]")), Patience);

        var password = cut.Find("[data-testid=one-time-password-value]").TextContent;
        Assert.Matches("^([A-Za-z0-9]{5}-){3}[A-Za-z0-9]{5}$", password);
        Assert.Contains("must choose a password", cut.Find("tr[data-user=nomsa] [data-testid=status]").TextContent);
        var created = Assert.Single(await AuditRows.ListAsync(_db, AuditActions.UserCreated));
        Assert.Equal(_adminId, created.ActorId);

        // The next action replaces it: the password is not shown again.
        cut.Find("tr[data-user=nomsa] [data-testid=lock]").Click();
        cut.WaitForAssertion(() => Assert.Equal("locked", cut.Find("tr[data-user=nomsa] [data-testid=status]").TextContent.Trim()), Patience);
        Assert.DoesNotContain(password, cut.Markup);
    }

    [Fact]
    public async Task Locking_and_unlocking_a_user_is_shown_and_audited()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Admin, userId: _adminId);
        var cut = Render(ctx);

        cut.Find("tr[data-user=analyst] [data-testid=lock]").Click();
        cut.WaitForAssertion(() => Assert.Equal("locked", cut.Find("tr[data-user=analyst] [data-testid=status]").TextContent.Trim()), Patience);
        cut.Find("tr[data-user=analyst] [data-testid=unlock]").Click();
        cut.WaitForAssertion(() => Assert.Equal("active", cut.Find("tr[data-user=analyst] [data-testid=status]").TextContent.Trim()), Patience);

        Assert.Equal(2, (await AuditRows.ListAsync(_db, AuditActions.UserChanged)).Count);
    }

    [Fact]
    public async Task A_refused_change_is_explained()
    {
        await using var ctx = UiTestContext.Create(s => s.AddAppServices(_db), role: Roles.Admin, userId: _adminId);
        var cut = Render(ctx);

        cut.Find("input[data-testid=new-user-name]").Input("not a valid name!");
        cut.Find("button[data-testid=create-user]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=user-error]")), Patience);
        Assert.Contains("invalid", cut.Find("[data-testid=user-error]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=one-time-password]"));
        Assert.Empty(await AuditRows.ListAsync(_db, AuditActions.UserCreated));
    }
}
