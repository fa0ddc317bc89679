using Admin.Data.Audit;
using Admin.Data.Exports;
using Admin.Data.Tests.Exports;
using Admin.Testing;

namespace Admin.Data.Tests.Audit;

/// <summary>A record's history: its audit entries only, newest first, in keyset pages served by the record index.</summary>
public sealed class RecordHistoryTests : IAsyncLifetime
{
    private const string Record = "6f1c2a9e-0000-4000-8000-000000000001";
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        // 120 entries of this record (several sharing a timestamp), among 6,000 of 600 other records.
        await _db.ExecuteAsync($"""
            INSERT INTO audit_entries (at, actor_name, action, table_name, record_id)
            SELECT timestamptz '2026-01-01' + (i / 3) * interval '1 minute', 'u' || (i % 7), 'view', 'health_checks', '{Record}'
            FROM generate_series(1, 120) i;
            INSERT INTO audit_entries (at, actor_name, action, table_name, record_id)
            SELECT timestamptz '2026-01-01' + i * interval '1 second', 'other', 'view', 'health_checks', 'other-' || (i % 600)
            FROM generate_series(1, 6000) i;
            ANALYZE audit_entries;
            """);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Pages_walk_the_records_entries_newest_first_without_gaps_or_repeats()
    {
        var history = new RecordHistory(_db.DataSource);
        var seen = new List<AuditEntry>();
        AuditEntry? after = null;
        var pages = 0;
        while (true)
        {
            var (entries, more) = await history.PageAsync(Record, after, default);
            Assert.InRange(entries.Count, 1, RecordHistory.PageSize);
            seen.AddRange(entries);
            pages++;
            if (!more) break;
            after = entries[^1];
        }

        Assert.Equal(3, pages);
        Assert.Equal(120, seen.Count);
        Assert.All(seen, e => Assert.Equal(Record, e.RecordId));
        Assert.Equal(seen.Count, seen.Select(e => e.Id).Distinct().Count());
        var expected = seen.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id);
        Assert.Equal(expected, seen.Select(e => e.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_page_is_read_from_the_record_index_in_its_order(bool afterAPosition)
    {
        // EXPLAIN of the exact statement with its parameters bound, as RecordHistory sends it.
        await using var cmd = _db.DataSource.CreateCommand("EXPLAIN " + RecordHistorySql.Page);
        cmd.Parameters.AddWithValue(Record);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = afterAPosition ? new DateTimeOffset(2026, 1, 1, 0, 20, 0, TimeSpan.Zero) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.AddWithValue(1_000_000L);
        cmd.Parameters.AddWithValue(RecordHistory.PageSize + 1);
        var lines = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        var plan = string.Join("\n", lines);

        Assert.True(plan.Contains("ix_audit_entries_record_at_id", StringComparison.Ordinal), plan);
        Assert.False(plan.Contains("Sort", StringComparison.Ordinal), plan);
    }

    [Fact]
    public async Task An_export_of_one_record_names_it_and_other_exports_do_not()
    {
        var one = ExportFixture.Query(("q", Record.ToUpperInvariant()), ("in", "id"));
        var many = ExportFixture.Query(("province", "ZA-WC"));

        Assert.Equal(Record, ExportAudit.Entry(null, "a", null, one, "health_checks", false, "csv", ExportAudit.Cli, "done", 1).RecordId);
        Assert.Null(ExportAudit.Entry(null, "a", null, many, "health_checks", false, "csv", ExportAudit.Cli, "done", 9).RecordId);
    }
}
