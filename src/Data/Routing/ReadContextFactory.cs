using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Routing;

/// <summary>
/// DbContexts for lag-tolerant EF reads (the list engine): over the connection <see cref="ReadRouting"/> picks. Without
/// a standby it is the app's pooled factory unchanged.
/// </summary>
public sealed class ReadContextFactory(ReadRouting routing, IDbContextFactory<AdminDbContext> primary) : IDbContextFactory<AdminDbContext>
{
    public AdminDbContext CreateDbContext() => CreateDbContextAsync().GetAwaiter().GetResult();

    public async Task<AdminDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        if (!routing.HasReplica) return await primary.CreateDbContextAsync(cancellationToken);
        var connection = await routing.OpenConnectionAsync(cancellationToken);
        var options = new DbContextOptionsBuilder<AdminDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, connection);
        return new AdminDbContext(options.Options);
    }
}
