using Admin.Data.Entities;
using Admin.Data.Exports;
using Admin.Data.Listing;
using Admin.Testing.Exports;

namespace Admin.Data.Tests.Exports;

/// <summary>What an export may be asked for: the grid's own validation, readable refusals, values that cannot become SQL.</summary>
public class ExportQueryTests
{
    [Theory]
    [InlineData("no-such-list", "", "There is no list called 'no-such-list'")]
    [InlineData("health-checks", "province=XX", "not a province")]
    [InlineData("health-checks", "colour=red", "is not something this list can filter by")]
    [InlineData("health-checks", "risk=high&source=Web", "together is not supported")]
    [InlineData("health-checks", "from=2021-13-01", "is not a date")]
    [InlineData("health-checks", "q=abc&in=phone", "South African mobile number")]
    [InlineData("health-checks", "sort=sideways", "not an order this list can sort by")]
    public void Bad_requests_are_refused_with_a_readable_reason(string list, string query, string expected)
    {
        var ex = Assert.Throws<ListRequestException>(() => ExportQuery.Parse(AdminTables.Registry, list, query));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void The_query_string_round_trips_through_a_job()
    {
        var query = ExportQuery.Parse(AdminTables.Registry, HealthCheckList.Slug, "province=ZA-GT&risk=high&from=2021-01-01&to=2021-01-31&sort=oldest");

        Assert.Equal("province=ZA-GP&risk=high&from=2021-01-01&to=2021-01-31&sort=oldest", query.QueryString);
        Assert.Equal(query.QueryString, ExportQuery.Parse(AdminTables.Registry, HealthCheckList.Slug, query.QueryString).QueryString);
    }

    [Fact]
    public void The_audit_query_of_a_masked_role_holds_no_full_phone_number()
    {
        var query = ExportQuery.Parse(AdminTables.Registry, HealthCheckList.Slug, "q=082 123 4567&in=phone");

        Assert.Equal("q=082%20123%204567&in=phone", query.AuditQuery(masked: false));
        Assert.DoesNotContain("1234567", Uri.UnescapeDataString(query.AuditQuery(masked: true)));
        Assert.Contains("%2B27%2082%20%2A%2A%2A%204567", query.AuditQuery(masked: true));
    }

    [Theory]
    [InlineData("it's")]
    [InlineData("x'); DROP TABLE health_checks; --")]
    [InlineData("back\\'slash")]
    [InlineData("\\x27 E'\\'")]
    public async Task Search_values_with_quotes_and_backslashes_match_exactly_and_stay_data(string deduplicationId)
    {
        await using var f = await ExportFixture.CreateAsync();
        await ExportRows.InsertAsync(f.Db, plain: 2);
        await f.Db.ExecuteAsync($"UPDATE health_checks SET deduplication_id = '{deduplicationId.Replace("'", "''")}' WHERE first_name = 'Thandiwe'");

        var csv = await f.ExportTextAsync(ExportFixture.Query(("q", deduplicationId), ("in", "deduplication-id")), Data.Exports.ExportFormat.Csv);
        var records = CsvRecords.Parse(csv);

        Assert.Equal(2, records.Count);
        Assert.Equal(deduplicationId, records[1][1].Value);
        Assert.Equal(ExportRows.AwkwardNames.Length + 2, await f.Db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
    }

    [Fact]
    public void A_nul_character_is_refused_not_cut()
    {
        var ex = Assert.Throws<ListRequestException>(() => SqlLiterals.Quote("abc\0def"));
        Assert.Contains("cannot be searched for", ex.Message);
    }

    [Fact]
    public void Placeholders_are_replaced_by_number_not_by_prefix()
    {
        var ps = new SqlParameters();
        for (var i = 0; i < 11; i++) ps.Add("v" + i);

        Assert.Equal("a = 'v1' AND b = 'v10'", SqlLiterals.Inline("a = @p1 AND b = @p10", ps));
        Assert.Equal("'2021-03-14T10:32:00.000000Z'::timestamptz", SqlLiterals.Literal(new DateTimeOffset(2021, 3, 14, 12, 32, 0, TimeSpan.FromHours(2))));
    }
}
