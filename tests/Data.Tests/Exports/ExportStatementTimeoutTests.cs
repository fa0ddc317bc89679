using Admin.Data.Counting;
using Admin.Data.Exports;
using Admin.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Tests.Exports;

/// <summary>
/// The app's connections carry a short statement_timeout; an export replaces it, for its own transaction only, with the
/// export limit.
/// </summary>
public class ExportStatementTimeoutTests
{
    [Fact]
    public async Task An_export_outlasts_the_app_limit_under_its_own_and_leaves_the_connection_as_it_was()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SqlSeed.HealthChecksAsync(db, 1000);
        await using var app = AppDataSource(db, appLimitMs: 300);
        var exporter = Exporter(app, new ExportOptions { StatementTimeout = TimeSpan.FromSeconds(30) });

        // The COPY waits ~1 s on a lock: longer than the app's 300 ms, well inside the export limit.
        var result = await WithLockHeldAsync(db, TimeSpan.FromSeconds(1),
            () => exporter.WriteAsync(ExportFixture.Query(), ExportFormat.Csv, false, Stream.Null, null, default));

        Assert.Equal(1000, result.Rows);
        await using var conn = await app.OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SHOW statement_timeout", conn);
        Assert.Equal("300ms", await show.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_export_past_the_export_limit_is_stopped_by_the_server()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SqlSeed.HealthChecksAsync(db, 1000);
        await using var app = AppDataSource(db, appLimitMs: 60_000);
        var exporter = Exporter(app, new ExportOptions { StatementTimeout = TimeSpan.FromMilliseconds(300) });

        var ex = await Assert.ThrowsAsync<PostgresException>(() => WithLockHeldAsync(db, TimeSpan.FromSeconds(2),
            () => exporter.WriteAsync(ExportFixture.Query(), ExportFormat.Csv, false, Stream.Null, null, default)));
        Assert.Equal(PostgresErrorCodes.QueryCanceled, ex.SqlState);
    }

    // No type loading: Npgsql's first-connection catalog query would run under the short app limit too, and on a loaded
    // machine it can be cut off by it (last CI: 57014 in Bootstrap). The export needs only built-in types.
    private static NpgsqlDataSource AppDataSource(TestDatabase db, int appLimitMs)
    {
        var builder = new NpgsqlDataSourceBuilder(db.ConnectionString)
        {
            ConnectionStringBuilder = { Options = $"-c statement_timeout={appLimitMs}", MaxPoolSize = 1 },
        };
        builder.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        return builder.Build();
    }

    private static RecordExporter Exporter(NpgsqlDataSource ds, ExportOptions options) =>
        new(new ExportDataSource(ds), new TableSizeEstimator(ds), Options.Create(options));

    private static async Task<T> WithLockHeldAsync<T>(TestDatabase db, TimeSpan hold, Func<Task<T>> action)
    {
        await using var locker = await db.DataSource.OpenConnectionAsync();
        await using var tx = await locker.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("LOCK TABLE health_checks IN ACCESS EXCLUSIVE MODE", locker, tx))
            await cmd.ExecuteNonQueryAsync();
        var task = action();
        await Task.Delay(hold);
        await tx.RollbackAsync();
        return await task;
    }
}
