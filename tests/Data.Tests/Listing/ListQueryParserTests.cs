using Admin.Data.Entities;
using Admin.Data.Listing;

namespace Admin.Data.Tests.Listing;

public class ListQueryParserTests
{
    private static ListRequestException Refused(params (string, string?)[] ps) =>
        Assert.Throws<ListRequestException>(() => HealthCheckQueries.Parse(ps));

    [Theory]
    [InlineData("city", "Durban", "not something this list can filter by")]
    [InlineData("province", "ZA-XX", "not a province")]
    [InlineData("risk", "' OR 1=1 --", "not a risk")]
    [InlineData("from", "2021-13-01", "YYYY-MM-DD")]
    [InlineData("from", "14/03/2021", "YYYY-MM-DD")]
    [InlineData("to", "9999-01-01", "outside the range")]
    [InlineData("sort", "msisdn", "not an order")]
    [InlineData("sort", "phone", "not an order")]   // search-only ordering
    [InlineData("in", "everything", "not a kind of search")]
    public void Refuses_what_no_index_serves_with_a_readable_message(string name, string value, string message)
    {
        var ex = Refused((name, value));
        Assert.Contains(message, ex.Message);
        Assert.Equal(name, ex.Parameter);
    }

    [Fact]
    public void Refuses_filter_combinations_without_a_composite_index()
    {
        var ex = Refused(("province", "ZA-GP"), ("source", "USSD"));
        Assert.Contains("together is not supported", ex.Message);
        Assert.Contains("province + risk", ex.Message);
    }

    [Theory]
    [InlineData("ZA-GP", "JHB")]
    [InlineData("ZA-GT", "jhb")] // old province code, any case
    public void A_district_within_its_province_is_the_district_filter(string province, string district)
    {
        var q = HealthCheckQueries.Parse(("province", province), ("district", district));
        var f = Assert.Single(q.Filters);
        Assert.Equal(("district", "JHB"), (f.Definition.Name, f.Value.ToUpperInvariant()));

        var withRisk = HealthCheckQueries.Parse(("province", province), ("district", district), ("risk", "high"));
        Assert.Equal(["district", "risk"], withRisk.Filters.Select(x => x.Definition.Name).Order());
    }

    [Fact]
    public void A_district_outside_the_chosen_province_is_refused_by_name()
    {
        var ex = Refused(("province", "ZA-WC"), ("district", "JHB"));
        Assert.Contains("City of Johannesburg", ex.Message);
        Assert.Contains("is not in province", ex.Message);
        Assert.Equal("district", ex.Parameter);
    }

    [Fact]
    public void The_served_combinations_are_described_with_district_within_province()
    {
        Assert.True(HealthCheckList.Definition.IsServedCombination(["province", "district"]));
        Assert.True(HealthCheckList.Definition.IsServedCombination(["province", "district", "risk"]));
        Assert.False(HealthCheckList.Definition.IsServedCombination(["province", "source"]));
        Assert.Contains("district (within its province) + risk", HealthCheckList.Definition.DescribeCombinations());
    }

    [Fact]
    public void Allows_residual_filters_under_a_narrowing_search()
    {
        var q = HealthCheckQueries.Parse(("province", "ZA-GP"), ("source", "USSD"), ("q", "0821234567"), ("in", "phone"));
        Assert.Equal(2, q.Filters.Count);
    }

    [Theory]
    [InlineData("phone", "12345", "full South African mobile")]
    [InlineData("phone-prefix", "08", "at least the first 4 digits")]
    [InlineData("phone-contains", "8212", "at least 5 digits")]
    [InlineData("phone-contains", "82123%", "at least 5 digits")]
    [InlineData("id", "not-a-uuid", "record id looks like")]
    public void Search_input_is_validated_per_kind(string kind, string text, string message) =>
        Assert.Contains(message, Refused(("q", text), ("in", kind)).Message);

    [Fact]
    public void Refuses_reversed_and_overlong_and_unprintable_input()
    {
        Assert.Contains("after", Refused(("from", "2021-03-02"), ("to", "2021-03-01")).Message);
        Assert.Contains("too long", Refused(("q", new string('8', 500))).Message);
        Assert.Contains("cannot be searched", Refused(("q", "082\u0000123"), ("in", "deduplication-id")).Message);
        Assert.Contains("cannot be searched", Refused(("q", "abc\ud800"), ("in", "deduplication-id")).Message);
        Assert.Contains("given twice", Refused(("risk", "high"), ("RISK", "low")).Message);
    }

    [Fact]
    public void Normalises_values_and_round_trips_through_url_parameters()
    {
        var q = HealthCheckQueries.Parse(("province", "ZA-NL"), ("risk", "HIGH"), ("from", "2021-01-01"), ("to", "2021-01-31"), ("sort", "oldest"), ("ignored", ""));
        Assert.Equal(["ZA-KZN", "high"], q.Filters.Select(f => f.Value));
        var again = ListQueryParser.Parse(HealthCheckList.Definition, q.ToParameters().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        Assert.Equal(q.ToParameters(), again.ToParameters());
        Assert.Equal("oldest", again.Ordering.Name);
    }

    [Fact]
    public void Phone_searches_normalise_what_people_type()
    {
        var exact = HealthCheckQueries.Parse(("q", "082 123 4567"), ("in", "phone"));
        Assert.Equal(["+27821234567"], exact.Search!.Predicate.Values);
        var prefix = HealthCheckQueries.Parse(("q", "082 12"), ("in", "phone-prefix"));
        Assert.Equal(["+278212", "+278213"], prefix.Search!.Predicate.Values);
        Assert.Equal("phone", prefix.Ordering.Name);
    }
}
