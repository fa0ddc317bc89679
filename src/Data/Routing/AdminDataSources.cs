using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Routing;

/// <summary>
/// Every NpgsqlDataSource the app opens, built in this one place (<see cref="Build"/>): the primary, the optional read
/// source (a standby), the optional direct source (past the pooler), and the exports' pools.
/// </summary>
public sealed class AdminDataSources : IAsyncDisposable
{
    private readonly DatabaseOptions _options;
    private readonly INpgsqlDataSourceConfigurator[] _configurators;

    public AdminDataSources(IOptions<DatabaseOptions> options, IEnumerable<INpgsqlDataSourceConfigurator>? configurators = null)
    {
        _options = options.Value;
        _configurators = configurators?.ToArray() ?? [];
        Primary = Build(_options.ConnectionString, DataSourceRole.Primary);
        Replica = string.IsNullOrWhiteSpace(_options.ReadConnectionString) ? null : Build(_options.ReadConnectionString, DataSourceRole.Read);
        Direct = string.IsNullOrWhiteSpace(_options.DirectConnectionString) ? Primary : Build(_options.DirectConnectionString, DataSourceRole.Direct);
    }

    public NpgsqlDataSource Primary { get; }

    /// <summary>The standby's pool; null when no read source is configured (everything reads the primary).</summary>
    public NpgsqlDataSource? Replica { get; }

    /// <summary>For session advisory locks: its own connection string when the primary's goes through a transaction pooler.</summary>
    public NpgsqlDataSource Direct { get; }

    /// <summary>
    /// A data source for <paramref name="connectionString"/>: the application name, the statement timeout as a startup
    /// option (unless the string goes through a transaction-mode pooler, which refuses startup options: then the role's
    /// own <c>statement_timeout</c> setting applies), then every registered <see cref="INpgsqlDataSourceConfigurator"/>.
    /// </summary>
    public NpgsqlDataSource Build(string connectionString, DataSourceRole role, Action<NpgsqlDataSourceBuilder>? tune = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var cs = builder.ConnectionStringBuilder;
        cs.ApplicationName ??= role switch
        {
            DataSourceRole.Primary => "admin",
            DataSourceRole.Export => "admin-export",
            _ => "admin-" + role.ToString().ToLowerInvariant(),
        };
        var pooled = _options.TransactionPooling && role is DataSourceRole.Primary or DataSourceRole.Read or DataSourceRole.Export;
        if (_options.StatementTimeout > TimeSpan.Zero && !pooled && string.IsNullOrEmpty(cs.Options))
            cs.Options = "-c statement_timeout=" + ((long)_options.StatementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        if (role is DataSourceRole.Primary or DataSourceRole.Read)
        {
            if (_options.MaxConnections > 0 && !Sets(connectionString, "MaxPoolSize", "MaximumPoolSize"))
                cs.MaxPoolSize = _options.MaxConnections;
            // The warmed connections stay open (PoolWarmup); Npgsql would otherwise close them after five idle minutes.
            if (cs.MinPoolSize == 0) cs.MinPoolSize = Math.Min(Math.Max(_options.WarmConnections, 0), cs.MaxPoolSize);
            if (_options.ConnectionIdleLifetime > TimeSpan.Zero && !Sets(connectionString, "ConnectionIdleLifetime"))
                cs.ConnectionIdleLifetime = (int)_options.ConnectionIdleLifetime.TotalSeconds;
        }
        tune?.Invoke(builder);
        foreach (var c in _configurators) c.Configure(builder, role);
        return builder.Build();
    }

    // The string names one of Npgsql's keywords for a setting, spaced or not ("Connection Idle Lifetime",
    // "ConnectionIdleLifetime"): a key, not a value.
    private static bool Sets(string connectionString, params string[] keywords) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => keywords.Contains(k.Replace(" ", "", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        await Primary.DisposeAsync();
        if (Replica is not null) await Replica.DisposeAsync();
        if (!ReferenceEquals(Direct, Primary)) await Direct.DisposeAsync();
    }
}
