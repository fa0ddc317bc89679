using Admin.Testing;

namespace Admin.Browser.Tests.Hosting;

/// <summary>A fresh migrated TestDatabase and the app serving it over HTTP, for one journey class.</summary>
public class AppServerFixture : IAsyncLifetime
{
    private KestrelAppFactory? _factory;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Where the app listens, ending in "/": resolve page paths against it.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string relative) => new(BaseAddress, relative);

    /// <summary>The app's services (e.g. to create an API key, or find the metrics endpoint).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>Configuration a journey class needs on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        _factory = new KestrelAppFactory(Database.ConnectionString, Settings);
        BaseAddress = _factory.Start();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}
