using Admin.Data.Exports;
using Admin.Testing;
using Npgsql;

namespace Admin.Data.Tests.Exports;

/// <summary>Exports read through a pool of their own, with the large read buffer the export rate depends on.</summary>
public class ExportDataSourceTests
{
    [Fact]
    public async Task Export_connections_carry_the_configured_read_buffer_and_name_themselves()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = ExportDataSource.Create(db.ConnectionString, new ExportOptions().ReadBufferSize);

        Assert.Equal(1 << 20, new NpgsqlConnectionStringBuilder(source.DataSource.ConnectionString).ReadBufferSize);
        await using var cmd = source.DataSource.CreateCommand("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()");
        Assert.Equal("admin-export", await cmd.ExecuteScalarAsync());
    }
}
