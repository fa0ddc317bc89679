using Admin.Testing;

namespace Admin.Data.Tests.Testing;

public class SqlTextTests
{
    [Theory]
    [InlineData("SELECT * FROM health_checks ORDER BY timestamp LIMIT @p OFFSET @p0", true)]
    [InlineData("SELECT h.id FROM health_checks AS h\nOFFSET 20", true)]
    [InlineData("SELECT * FROM health_checks WHERE (timestamp, id) < (@t, @id) LIMIT 50", false)]
    [InlineData("SELECT offset_minutes FROM settings", false)]
    public void Finds_offset_paging(string sql, bool expected) => Assert.Equal(expected, SqlText.UsesOffset(sql));

    [Theory]
    [InlineData("SELECT count(*)::int FROM health_checks AS h", true)]
    [InlineData("SELECT COUNT(1) FROM \"health_checks\"", true)]
    [InlineData("SELECT count(h.id) FROM health_checks AS h", true)]
    [InlineData("SELECT count(*) FROM health_checks WHERE province = 'ZA-GP'", false)]
    [InlineData("SELECT reltuples FROM pg_class WHERE oid = to_regclass(@table)", false)]
    [InlineData("SELECT account_id FROM accounts", false)]
    public void Finds_unfiltered_counts(string sql, bool expected) => Assert.Equal(expected, SqlText.IsUnfilteredCount(sql));

    [Theory]
    [InlineData("SELECT 1 FROM health_checks", true)]
    [InlineData("SELECT 1 FROM public.\"health_checks\" h", true)]
    [InlineData("SELECT 1 FROM a JOIN health_checks ON true", true)]
    [InlineData("SELECT 1 FROM health_checks_archive", false)]
    [InlineData("SELECT pg_relation_size(to_regclass('health_checks'))", false)]
    public void Finds_reads_of_a_table(string sql, bool expected) => Assert.Equal(expected, SqlText.ReadsTable(sql, "health_checks"));

    [Theory]
    [InlineData("SET LOCAL statement_timeout = 50;\nSELECT (SELECT count(*) FROM \"health_checks\"), (SELECT count(*) FROM \"districts\")", false)]
    [InlineData("SELECT (SELECT count(*) FROM \"health_checks\");\nSET LOCAL statement_timeout = 50", true)]
    [InlineData("SELECT (SELECT count(*) FROM \"health_checks\")", true)]
    [InlineData("SELECT (SELECT count(*) FROM \"districts\")", false)]
    public void A_count_is_bounded_only_when_its_batch_sets_the_limit_first(string sql, bool unbounded) =>
        Assert.Equal(unbounded, SqlText.IsUnbounded([sql], 0));

    [Theory]
    [InlineData(3, false)] // the timeline's own SET LOCALs and snapshot read
    [InlineData(7, false)] // ...and other connections' statements interleaved
    [InlineData(9, true)]  // too far back to be its transaction's
    public void A_count_is_bounded_by_a_recent_statement_timeout(int statementsBetween, bool unbounded)
    {
        const string count = "SELECT bucket, count(*) FROM health_checks WHERE change_xid >= @xmin GROUP BY bucket";
        List<string> statements = ["SET LOCAL statement_timeout = 50", .. Enumerable.Repeat("SELECT 1", statementsBetween), count];
        Assert.Equal(unbounded, SqlText.IsUnbounded(statements, statements.Count - 1));
    }
}
