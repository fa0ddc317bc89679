using Npgsql;

namespace Admin.Data.Routing;

/// <summary>
/// A hook on every data source the app builds (logging, tracing, type mappings): register one in DI and
/// <see cref="AdminDataSources"/> applies it to each builder, told which role the pool plays.
/// </summary>
public interface INpgsqlDataSourceConfigurator
{
    void Configure(NpgsqlDataSourceBuilder builder, DataSourceRole role);
}

public enum DataSourceRole
{
    /// <summary>Writes and reads that must see the latest commit (ConnectionStrings:Admin).</summary>
    Primary,

    /// <summary>Reads that tolerate replica lag (ConnectionStrings:AdminRead).</summary>
    Read,

    /// <summary>Session state (session advisory locks) that a transaction-mode pooler would lose (ConnectionStrings:AdminDirect).</summary>
    Direct,

    /// <summary>Exports: large read buffers, a pool of their own.</summary>
    Export,
}
