using Admin.Data.Columns;
using Admin.Data.Entities;
using Admin.Testing;

namespace Admin.Data.Tests.Columns;

/// <summary>Repeated texts read once per value, not once per row, and the pool bounded.</summary>
public sealed class SharedStringsTests
{
    // Built at run time, so the compiler's interning of literals cannot make two equal texts one object.
    private static string Text(string s) => new(s.AsSpan());

    [Fact]
    public void Equal_texts_come_back_as_one_instance()
    {
        var pool = new SharedStrings();
        var first = pool.Share(Text("Cape Town"));
        var second = Text("Cape Town");
        Assert.NotSame(first, second);
        Assert.Same(first, pool.Share(second));
    }

    [Fact]
    public void Long_texts_and_texts_past_the_cap_are_kept_as_read()
    {
        var pool = new SharedStrings(maxEntries: 2, maxLength: 8);
        var longer = Text("123456789");
        pool.Share(longer);
        Assert.NotSame(longer, pool.Share(Text("123456789")));

        pool.Share(Text("a"));
        pool.Share(Text("b"));
        var third = Text("c");
        Assert.Same(third, pool.Share(third));
        Assert.NotSame(third, pool.Share(Text("c")));
        Assert.Equal("a", pool.Share(Text("a"))); // what it holds it still shares
    }

    [Fact]
    public async Task Rows_share_the_columns_declared_repeated_and_only_those()
    {
        await using var db = await TestDatabase.CreateAsync();
        await SqlSeed.HealthChecksAsync(db, 9);
        async Task<List<HealthCheck>> Read()
        {
            await using var cmd = db.DataSource.CreateCommand("SELECT *, xmin FROM health_checks ORDER BY id");
            return await HealthCheckColumns.Table.ReadAllAsync(cmd, 9, CancellationToken.None);
        }
        var (first, again) = (await Read(), await Read());

        var sameSource = first.Where(r => r.Source == first[0].Source).ToList();
        Assert.True(sameSource.Count > 1);
        Assert.All(sameSource, r => Assert.Same(first[0].Source, r.Source));
        Assert.Same(first[0].Source, again[0].Source);
        Assert.Equal(first[0].Msisdn, again[0].Msisdn);
        Assert.NotSame(first[0].Msisdn, again[0].Msisdn); // a number is one row's: read as it comes
    }
}
