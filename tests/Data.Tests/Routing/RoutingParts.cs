using Admin.Data.Persistence;
using Admin.Data.Routing;
using Admin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Routing;

/// <summary>The routing services as the app wires them, over a primary and a read source given by connection string.</summary>
internal sealed class RoutingParts : IAsyncDisposable
{
    public RoutingParts(TestDatabase primary, string? read, ReadRoutingOptions? options = null, bool transactionPooling = false)
    {
        options ??= new ReadRoutingOptions { MaxLag = TimeSpan.FromMinutes(1) };
        // These tests check where reads land, not how fast a standby answers: a first probe that opens its connection
        // while CI's other suites load the machine can take more than the shipped 2 s.
        options.ProbeTimeout = TimeSpan.FromSeconds(20);
        var o = Options.Create(options);
        Sources = new AdminDataSources(Options.Create(new DatabaseOptions
        {
            ConnectionString = primary.ConnectionString,
            ReadConnectionString = read ?? "",
            TransactionPooling = transactionPooling,
        }));
        Monitor = new ReplicaMonitor(Sources, o, TimeProvider.System, NullLogger<ReplicaMonitor>.Instance);
        Routing = new ReadRouting(Sources, Monitor, o, TimeProvider.System);
        Reads = new ReadContextFactory(Routing, new PrimaryContexts(Sources));
    }

    public AdminDataSources Sources { get; }
    public ReplicaMonitor Monitor { get; }
    public ReadRouting Routing { get; }
    public ReadContextFactory Reads { get; }

    /// <summary>Whether a read opened now (as the current reader) lands on a standby.</summary>
    public async Task<bool> ReadLandsOnStandbyAsync()
    {
        await using var conn = await Routing.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_is_in_recovery()", conn);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => Sources.DisposeAsync();

    private sealed class PrimaryContexts(AdminDataSources sources) : IDbContextFactory<AdminDbContext>
    {
        public AdminDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<AdminDbContext>();
            options.UseNpgsql(sources.Primary).UseSnakeCaseNamingConvention();
            return new AdminDbContext(options.Options);
        }
    }
}
