using Admin.Data.Entities;
using Admin.Testing;
using NpgsqlTypes;

namespace Admin.Data.Tests.Columns;

/// <summary>The column table against the migrated table itself: every column declared, with the type it really has.</summary>
public sealed class HealthCheckColumnsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static readonly Dictionary<NpgsqlDbType, string> PgTypes = new()
    {
        [NpgsqlDbType.Uuid] = "uuid",
        [NpgsqlDbType.Varchar] = "character varying",
        [NpgsqlDbType.Jsonb] = "jsonb",
        [NpgsqlDbType.Boolean] = "boolean",
        [NpgsqlDbType.Integer] = "integer",
        [NpgsqlDbType.Double] = "double precision",
        [NpgsqlDbType.Date] = "date",
        [NpgsqlDbType.TimestampTz] = "timestamp with time zone",
        [NpgsqlDbType.Xid8] = "xid8",
        [NpgsqlDbType.Xid] = "xid",
    };

    [Fact]
    public async Task Every_column_of_the_table_is_declared_once_with_its_type()
    {
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = _db.DataSource.CreateCommand(
            "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = 'health_checks'::regclass AND (attnum > 0 OR attname = 'xmin') AND NOT attisdropped"))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) actual[r.GetString(0)] = r.GetString(1);
        // created_xid is a shadow column for the exact counts: PostgreSQL fills it (its default, under COPY too) and no
        // code reads or writes it per row, so it is no column of the entity's table.
        actual.Remove("created_xid");

        var declared = HealthCheckColumns.Table.ToDictionary(c => c.Name, c => PgTypes[c.DbType], StringComparer.Ordinal);
        Assert.Equal(actual.OrderBy(p => p.Key), declared.OrderBy(p => p.Key));
        Assert.Equal(HealthCheckColumns.Table.Count, HealthCheckColumns.Table.Select(c => c.Property.Name).Distinct().Count());
    }

    [Fact]
    public void Every_stored_property_of_the_entity_has_a_column()
    {
        var properties = typeof(HealthCheck).GetProperties().Where(p => p.CanWrite && p.Name != nameof(HealthCheck.District)).Select(p => p.Name);
        Assert.Equal(properties.Order(), HealthCheckColumns.Table.Select(c => c.Property.Name).Order());
    }

    [Fact]
    public void Inserts_carry_every_column_but_what_PostgreSQL_writes()
    {
        Assert.DoesNotContain("change_xid", HealthCheckColumns.Table.InsertedNames);
        Assert.DoesNotContain("xmin", HealthCheckColumns.Table.InsertedNames);
        Assert.Equal(HealthCheckColumns.Table.Count - 2, HealthCheckColumns.Table.InsertedNames.Count);
        Assert.Equal("id", HealthCheckColumns.Table.InsertedNames[0]);
    }
}
