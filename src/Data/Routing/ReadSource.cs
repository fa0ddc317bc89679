using Npgsql;

namespace Admin.Data.Routing;

/// <summary>
/// Where a read that tolerates replica lag gets its connection: the standby when one is configured and current enough,
/// else the primary (<see cref="ReadRouting"/>). A plain data source converts to one that always uses it (tests, CLI).
/// </summary>
public abstract class ReadSource
{
    public abstract ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default);

    public static implicit operator ReadSource(NpgsqlDataSource dataSource) => new Fixed(dataSource);

    private sealed class Fixed(NpgsqlDataSource dataSource) : ReadSource
    {
        public override ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default) => dataSource.OpenConnectionAsync(ct);
    }
}
