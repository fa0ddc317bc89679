using Admin.Load.Accounts;
using Admin.Load.Circuits;

namespace Admin.Load.Tests;

/// <summary>An analyst account made for one test and its logged-in session (the cookie a tab uses), removed with it.</summary>
internal sealed class AnalystSession : IAsyncDisposable
{
    private readonly LoadUsers _users;

    private AnalystSession(LoadUsers users, SessionClient session) => (_users, Session) = (users, session);

    public SessionClient Session { get; }

    public static async Task<AnalystSession> LogInAsync(LoadAppFixture app, string tag)
    {
        var users = new LoadUsers(app.Database.ConnectionString, tag);
        var session = new SessionClient(app.BaseAddress);
        try
        {
            var account = (await users.CreateAsync(["Analyst"], 1, CancellationToken.None))[0];
            await session.LoginAsync(account.UserName, account.Password, CancellationToken.None);
            return new AnalystSession(users, session);
        }
        catch
        {
            session.Dispose();
            await users.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        await _users.DisposeAsync();
    }
}
