using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Testing;

namespace Admin.Data.Tests.Listing;

/// <summary>
/// The records grid reads its rows with Npgsql through the declared column table, not EF: the same windows read both
/// ways hold the same rows, every field (the database's stamps too), masked alike, with the same cursors.
/// </summary>
public class RowReadingTests
{
    private static readonly System.Reflection.PropertyInfo[] Fields = typeof(HealthCheck).GetProperties()
        .Where(p => p.CanWrite && p.Name != nameof(HealthCheck.District)).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_window_read_with_Npgsql_equals_the_same_window_read_through_EF(bool seesPersonalData)
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 250);
        // Nulls and JSON too: the seed leaves some optional columns empty; one row carries data.
        await f.Db.ExecuteAsync("""UPDATE health_checks SET data = '{"note": "x", "n": 1}'::jsonb, city = NULL WHERE id = (SELECT id FROM health_checks ORDER BY "timestamp" DESC, id DESC LIMIT 1)""");
        var view = PersonalDataViews.For(seesPersonalData);
        var queries = new[] { HealthCheckQueries.Parse(), HealthCheckQueries.Parse(("province", "ZA-GP")), HealthCheckQueries.Parse(("sort", "oldest")) };

        foreach (var q in queries)
        {
            var first = await f.Lister.WindowAsync(q, WindowRequest.Start(40), view, default);
            var viaEf = await f.EfLister.WindowAsync(q, WindowRequest.Start(40), view, default);
            Same(viaEf, first);
            var next = await f.Lister.WindowAsync(q, WindowRequest.After(first.Cursors[^1], 40), view, default);
            Same(await f.EfLister.WindowAsync(q, WindowRequest.After(first.Cursors[^1], 40), view, default), next);
            Assert.NotEmpty(next.Rows);
        }
    }

    private static void Same(ListWindow<HealthCheck> expected, ListWindow<HealthCheck> actual)
    {
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        Assert.Equal(expected.Cursors, actual.Cursors);
        Assert.Equal((expected.MoreBefore, expected.MoreAfter), (actual.MoreBefore, actual.MoreAfter));
        for (var i = 0; i < expected.Rows.Count; i++)
            foreach (var field in Fields)
            {
                var (e, a) = (field.GetValue(expected.Rows[i]), field.GetValue(actual.Rows[i]));
                Assert.True(Equals(e, a), $"row {i}, {field.Name}: EF read {e ?? "null"}, Npgsql {a ?? "null"}");
            }
    }
}
