using Admin.Testing;

namespace Admin.Tests.Hosting;

/// <summary>One migrated TestDatabase and the app serving it, shared by the tests of one class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public AdminAppFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new AdminAppFactory(Database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
