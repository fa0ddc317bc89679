using Admin.Data.Routing;
using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// The connection pool exports read through: the app's database, with a read buffer of
/// <see cref="ExportOptions.ReadBufferSize"/>. Npgsql's default 8 KB buffer costs a socket read, and often a thread
/// wake-up, for every 8 KB of a multi-gigabyte COPY (a 20M-row export ran ~4 % faster with 1 MB, paired runs). A pool
/// of its own also keeps long exports from holding the connections pages need.
/// With a standby configured, exports read there while <see cref="ReadRouting"/> would send the exporting user's reads
/// there (one choice per export: its parallel streams share one snapshot, so one server).
/// </summary>
public sealed class ExportDataSource(NpgsqlDataSource primary, NpgsqlDataSource? replica = null, Func<bool>? useReplica = null) : IAsyncDisposable
{
    /// <summary>The pool an export starting now should read from.</summary>
    public NpgsqlDataSource DataSource => replica is not null && useReplica?.Invoke() == true ? replica : primary;

    public static ExportDataSource Create(string connectionString, int readBufferSize)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ReadBufferSize = readBufferSize;
        builder.ConnectionStringBuilder.ApplicationName = "admin-export";
        return new ExportDataSource(builder.Build());
    }

    /// <summary>The app's export pools, built like every other data source (<see cref="AdminDataSources.Build"/>).</summary>
    public static ExportDataSource Create(AdminDataSources sources, DatabaseOptions database, ReadRouting routing, int readBufferSize)
    {
        void Tune(NpgsqlDataSourceBuilder b) => b.ConnectionStringBuilder.ReadBufferSize = readBufferSize;
        var primary = sources.Build(database.ConnectionString, DataSourceRole.Export, Tune);
        var replica = string.IsNullOrWhiteSpace(database.ReadConnectionString) ? null : sources.Build(database.ReadConnectionString, DataSourceRole.Export, Tune);
        return new ExportDataSource(primary, replica, () => routing.UsesReplica);
    }

    public async ValueTask DisposeAsync()
    {
        await primary.DisposeAsync();
        if (replica is not null) await replica.DisposeAsync();
    }
}
