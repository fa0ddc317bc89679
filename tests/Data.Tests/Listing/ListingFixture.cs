using Admin.Data.Counting;
using Admin.Data.Listing;
using Admin.Data.Persistence;
using Admin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Listing;

/// <summary>A database of its own for a listing test, with the services the UI uses.</summary>
public sealed class ListingFixture : IAsyncDisposable
{
    private ListingFixture(TestDatabase db, CountOptions countOptions)
    {
        Db = db;
        Lister = new TableLister(new Factory(db), db.DataSource);
        EfLister = new TableLister(new Factory(db));
        Counter = new RowCounter(db.DataSource, new TableSizeEstimator(db.DataSource), Options.Create(countOptions));
    }

    public TestDatabase Db { get; }
    public TableLister Lister { get; }
    /// <summary>The same windows read through EF only, as tables without a declared row reader are.</summary>
    public TableLister EfLister { get; }
    public RowCounter Counter { get; }

    public static async Task<ListingFixture> CreateAsync(CountOptions? countOptions = null) =>
        new(await TestDatabase.CreateAsync(), countOptions ?? new CountOptions());

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    private sealed class Factory(TestDatabase db) : IDbContextFactory<AdminDbContext>
    {
        public AdminDbContext CreateDbContext() => db.CreateDbContext();
    }
}
