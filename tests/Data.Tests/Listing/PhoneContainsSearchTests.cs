using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Testing;

namespace Admin.Data.Tests.Listing;

/// <summary>
/// The phone contains-search narrows by the number's 5-digit windows (PhoneWindowsSql) and rechecks with LIKE: it must
/// list exactly the rows <c>msisdn LIKE '%digits%'</c> does, in the list's order, wherever the digits fall in the number.
/// </summary>
public class PhoneContainsSearchTests : IAsyncLifetime
{
    private ListingFixture _f = null!;

    public async Task InitializeAsync()
    {
        _f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(_f.Db, 3000, tieEvery: 2);
        // One number on several rows; numbers whose digits repeat; the +27 edge (27 is both prefix and body).
        await _f.Db.ExecuteAsync("""
            UPDATE health_checks SET msisdn = '+27831234567' WHERE deduplication_id IN ('seed-5', 'seed-900', 'seed-2100', 'seed-2999');
            UPDATE health_checks SET msisdn = '+27612345678' WHERE deduplication_id = 'seed-77';
            UPDATE health_checks SET msisdn = '+27727272727' WHERE deduplication_id IN ('seed-78', 'seed-1500');
            UPDATE health_checks SET msisdn = '+27799999999' WHERE deduplication_id = 'seed-79';
            ANALYZE health_checks;
            """);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Theory]
    [InlineData("12345")]            // 5 digits: one window, in two different numbers at different places
    [InlineData("123456")]           // 6 digits: first and last window overlap by four
    [InlineData("831234567")]        // 9 digits: the whole national part
    [InlineData("27831234567")]      // 11 digits: every digit, from the country code on
    [InlineData("27831")]            // across the +27 boundary
    [InlineData("7831234")]          // from inside the country code
    [InlineData("72727")]            // a window repeated within one number
    [InlineData("2772727272")]
    [InlineData("99999")]
    [InlineData("00001")]            // the seeded numbers: many rows
    [InlineData("082 000 01")]       // spaces are ignored; a leading national 0 is just a digit (no '+27082...' number)
    [InlineData("+27 82 000 0")]
    [InlineData("55555")]            // no number holds it
    [InlineData("278312345670")]     // longer than any number
    public async Task Lists_exactly_the_rows_like_matches_in_list_order(string typed)
    {
        var digits = new string(typed.Where(char.IsAsciiDigit).ToArray());
        var expected = await IdsAsync($"SELECT id FROM health_checks WHERE msisdn LIKE '%{digits}%' ORDER BY \"timestamp\" DESC, id DESC");

        var q = HealthCheckQueries.Parse(("q", typed), ("in", "phone-contains"));
        var rows = new List<HealthCheck>();
        var window = await _f.Lister.WindowAsync(q, WindowRequest.Start(7), PersonalDataView.Full, default);
        rows.AddRange(window.Rows);
        while (window.MoreAfter == true)
        {
            window = await _f.Lister.WindowAsync(q, WindowRequest.After(window.Cursors[^1], 7), PersonalDataView.Full, default);
            rows.AddRange(window.Rows);
        }

        Assert.Equal(expected, rows.Select(r => r.Id).ToList());
        Assert.All(rows, r => Assert.Contains(digits, r.Msisdn));
    }

    [Fact]
    public async Task The_cases_above_are_not_vacuous()
    {
        // Matches in different numbers, at several rows of one number, and at the +27 boundary.
        Assert.Equal(5, (await IdsAsync("SELECT id FROM health_checks WHERE msisdn LIKE '%12345%'")).Count);
        Assert.Equal(4, (await IdsAsync("SELECT id FROM health_checks WHERE msisdn LIKE '%831234567%'")).Count);
        Assert.Equal(2, (await IdsAsync("SELECT id FROM health_checks WHERE msisdn LIKE '%2772727272%'")).Count);
        Assert.True((await IdsAsync("SELECT id FROM health_checks WHERE msisdn LIKE '%00001%'")).Count > 20);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("12 34")]
    [InlineData("1234a5")]
    public void Fewer_than_five_digits_or_other_characters_are_refused(string typed)
    {
        var ex = Assert.Throws<ListRequestException>(() => HealthCheckQueries.Parse(("q", typed), ("in", "phone-contains")));
        Assert.Contains("at least 5 digits", ex.Message);
    }

    [Theory]
    [InlineData("12345", new[] { 12345 })]
    [InlineData("123456", new[] { 12345, 23456 })]
    [InlineData("831234567", new[] { 83123, 34567 })]
    [InlineData("0057270", new[] { 572, 57270 })]
    public void Keys_are_one_window_or_the_first_and_last(string digits, int[] keys) =>
        Assert.Equal(keys, PhoneWindowsSql.Keys(digits));

    private async Task<List<Guid>> IdsAsync(string sql)
    {
        await using var cmd = _f.Db.DataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
