using System.Reflection;
using Admin.Data.Bulk;
using Admin.Data.Entities;
using Admin.Data.Feed;
using Admin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Tests.Feed;

/// <summary>The feed reads rows without EF Core: its mapping must give exactly what EF's does, for every column.</summary>
public sealed class HealthCheckRowReaderTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Reads_every_column_as_ef_core_does()
    {
        // Generated rows cover every code, null and non-null value the schema allows (names, locations, data, ...).
        var generated = new HealthCheckGenerator(7, 3_000).Generate().ToList();
        await using (var db = _db.CreateDbContext())
        {
            db.HealthChecks.AddRange(generated);
            await db.SaveChangesAsync();
        }
        await _db.ExecuteAsync("UPDATE health_checks SET data = '{\"language\": \"zul\", \"n\": [1, 2]}' WHERE deduplication_id IN (SELECT deduplication_id FROM health_checks LIMIT 50)");
        await _db.ExecuteAsync("UPDATE health_checks SET first_name = NULL, last_name = NULL, gender = NULL WHERE deduplication_id IN (SELECT deduplication_id FROM health_checks ORDER BY id DESC LIMIT 50)");

        List<HealthCheck> viaEf;
        await using (var db = _db.CreateDbContext())
            viaEf = await db.HealthChecks.AsNoTracking().OrderBy(h => h.Id).ToListAsync();
        var viaReader = new List<HealthCheck>();
        await using (var cmd = _db.DataSource.CreateCommand("SELECT *, xmin FROM health_checks ORDER BY id"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            var map = HealthCheckColumns.Table.ReaderFor(reader);
            while (await reader.ReadAsync()) viaReader.Add(map.Read(reader));
        }

        Assert.Equal(3_000, viaReader.Count);
        var properties = typeof(HealthCheck).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name != nameof(HealthCheck.District)).ToList();
        Assert.True(properties.Count >= 36, "every column of the entity is compared");
        foreach (var (ef, raw) in viaEf.Zip(viaReader))
            foreach (var p in properties)
                Assert.True(Equals(p.GetValue(ef), p.GetValue(raw)), $"{p.Name} of {ef.Id}: EF {p.GetValue(ef) ?? "null"}, reader {p.GetValue(raw) ?? "null"}");
        Assert.Contains(viaReader, r => r.Data is not null);
        Assert.Contains(viaReader, r => r.FirstName is null);
        Assert.Contains(viaReader, r => r.Latitude is not null);
    }
}
