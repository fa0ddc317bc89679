using Admin.Data.Entities;
using Admin.Data.Domain;
using Admin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Tests.Testing;

public sealed class StatementRecorderTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Records_raw_data_source_commands_in_order()
    {
        using var rec = StatementRecorder.Start(_db);

        await _db.ScalarAsync<int>("SELECT 1 AS first_marker");
        await using (var cmd = _db.DataSource.CreateCommand("SELECT @n::int AS second_marker"))
        {
            cmd.Parameters.AddWithValue("n", 2);
            await cmd.ExecuteScalarAsync();
        }

        // Exactly these two: connection opens and type loading are not statements of the test's.
        Assert.Collection(rec.Statements,
            s => Assert.Equal("SELECT 1 AS first_marker", s),
            s => Assert.Contains("second_marker", s));
    }

    [Fact]
    public async Task Records_ef_core_queries_and_saves()
    {
        using var rec = StatementRecorder.Start(_db);

        await using (var db = _db.CreateDbContext())
        {
            db.Districts.Add(new District { Code = "ZZ1", Name = "Recorder test", Province = Province.Gauteng });
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.HealthChecks.CountAsync());
        }

        rec.AssertAny(s => s.Contains("INSERT INTO districts"), "inserts the district");
        rec.AssertAny(SqlText.IsUnfilteredCount, "counts health_checks");
        Assert.Equal(2, rec.Count);
    }

    [Fact]
    public async Task Records_copy()
    {
        await using var conn = await _db.DataSource.OpenConnectionAsync();
        await using (var create = conn.CreateCommand())
        {
            create.CommandText = "CREATE TEMP TABLE copy_target (n int)";
            await create.ExecuteNonQueryAsync();
        }
        using var rec = StatementRecorder.Start(_db);

        await using (var importer = await conn.BeginBinaryImportAsync("COPY copy_target (n) FROM STDIN (FORMAT BINARY)"))
        {
            await importer.WriteRowAsync(default, 7);
            await importer.CompleteAsync();
        }

        Assert.Equal(["COPY copy_target (n) FROM STDIN (FORMAT BINARY)"], rec.Statements);
    }

    [Fact]
    public async Task Ignores_other_databases_even_when_recording_them_at_the_same_time()
    {
        await using var other = await TestDatabase.CreateAsync();
        using var mine = StatementRecorder.Start(_db);
        using var theirs = StatementRecorder.Start(other);

        // Interleaved on the thread pool, as parallel test classes would be.
        await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            _db.ScalarAsync<string>($"SELECT 'mine {i}'"),
            other.ScalarAsync<string>($"SELECT 'theirs {i}'"),
        }));

        Assert.Equal(10, mine.Count);
        Assert.All(mine.Statements, s => Assert.StartsWith("SELECT 'mine", s));
        Assert.Equal(10, theirs.Count);
        Assert.All(theirs.Statements, s => Assert.StartsWith("SELECT 'theirs", s));
    }

    [Fact]
    public async Task Stops_recording_when_disposed_and_forgets_on_clear()
    {
        var rec = StatementRecorder.Start(_db);
        await _db.ScalarAsync<int>("SELECT 1 AS before_clear");
        rec.Clear();
        await _db.ScalarAsync<int>("SELECT 2 AS recorded");
        rec.Dispose();
        await _db.ScalarAsync<int>("SELECT 3 AS after_dispose");

        Assert.Equal(["SELECT 2 AS recorded"], rec.Statements);
    }

    [Fact]
    public async Task Assertions_name_the_offending_statements()
    {
        using var rec = StatementRecorder.Start(_db);
        await _db.ScalarAsync<long>("SELECT count(*) FROM health_checks");
        await _db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE risk = 'high'");

        var ex = Assert.Throws<StatementAssertionException>(() => rec.AssertNone(SqlText.IsUnfilteredCount, "counts a whole table"));
        Assert.Equal(["SELECT count(*) FROM health_checks"], ex.Statements);
        Assert.Contains("SELECT count(*) FROM health_checks", ex.Message);
        Assert.Throws<StatementAssertionException>(() => rec.AssertCount(1));
        Assert.Throws<StatementAssertionException>(() => rec.AssertAny(SqlText.UsesOffset, "pages by OFFSET"));
        rec.AssertCount(2);
    }
}
