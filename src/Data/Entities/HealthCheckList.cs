using System.Globalization;
using Admin.Data.Domain;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using static Admin.Data.Entities.ListConventions;
using Admin.Data.Reference;
using Admin.Data.Security;

namespace Admin.Data.Entities;

/// <summary>The HealthChecks list page: what it shows, filters, searches and orders by. Each offer is index-checked at startup.</summary>
public static class HealthCheckList
{
    public const string Slug = "health-checks";

    /// <summary>The search for every check from the same number as a record (q = the record's id).</summary>
    public const string SameNumberSearch = "same-number";

    private static readonly string[] Sources = ["WhatsApp", "USSD", "Web"];

    private static readonly KeyColumn[] Newest = [KeyColumn.Desc<DateTimeOffset>("timestamp"), KeyColumn.Desc<Guid>("id")];

    public static readonly TableDefinition<HealthCheck> Definition = new()
    {
        Table = "health_checks",
        Slug = Slug,
        Title = "HealthChecks",
        Noun = ("check", "checks"),
        IdOf = x => x.Id.ToString(),
        ParseId = s => Guid.TryParse(s, out var g) ? g : null,
        Rows = HealthCheckColumns.Table.ReadAllAsync,
        Columns =
        [
            ColumnDefinition<HealthCheck>.Time("timestamp", "Time", x => x.Timestamp) with { Width = "11rem" },
            new("msisdn", "Phone number", x => x.Msisdn) { Width = "10rem" },
            new("risk", "Risk", x => Codes<Risk>.ToCode(x.Risk)) { Width = "6rem" },
            new("province", "Province", x => ProvinceNames.Of(x.Province)) { Width = "9rem" },
            new("district_code", "District", x => x.DistrictCode is null ? "" : Districts.Find(x.DistrictCode)?.Name ?? x.DistrictCode) { Width = "12rem" },
            new("age", "Age", x => Codes<AgeBand>.ToCode(x.Age)) { Width = "5rem" },
            new("symptoms", "Symptoms", x => x.RiskInputs.SymptomCount.ToString(CultureInfo.InvariantCulture)) { Width = "6rem" },
            new("source", "Source", x => x.Source) { Width = "7rem" },
            // Offered by the column chooser. Personal ones read masked for roles that may not see them (rows are masked first).
            new("first_name", "First name", x => x.FirstName ?? "") { Width = "8rem", ShownByDefault = false },
            new("last_name", "Last name", x => x.LastName ?? "") { Width = "8rem", ShownByDefault = false },
            new("city", "City", x => x.City ?? "") { Width = "9rem", ShownByDefault = false },
            new("gender", "Gender", x => x.Gender is { } g ? Codes<Gender>.ToCode(g) : "") { Width = "6rem", ShownByDefault = false },
            new("exposure", "Exposure", x => Codes<Answer>.ToCode(x.Exposure)) { Width = "6rem", ShownByDefault = false },
            new("tracing", "May contact", x => x.Tracing ? "yes" : "no") { Width = "6rem", ShownByDefault = false },
        ],
        Orderings =
        [
            new("newest", "Newest first", Newest, x => [x.Timestamp, x.Id], x => When(x.Timestamp)) { PositionAt = x => x.Timestamp },
            new("oldest", "Oldest first", [KeyColumn.Asc<DateTimeOffset>("timestamp"), KeyColumn.Asc<Guid>("id")], x => [x.Timestamp, x.Id], x => When(x.Timestamp)) { PositionAt = x => x.Timestamp },
            new("phone", "Phone number", [KeyColumn.Asc<string>("msisdn"), .. Newest], x => [x.Msisdn, x.Timestamp, x.Id], x => x.Msisdn) { SearchOnly = true, IndexedKeys = 1 },
        ],
        Filters =
        [
            // Facets: each option's exact count under the other filters, and the date range's timeline, from the rollups.
            ListConventions.ProvinceFilter() with { Facet = FacetDisplay.Counts },
            FilterDefinition.Choice("district", "District", "district_code",
                Districts.All.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new FilterChoice(d.Code, $"{d.Name} ({Codes<Province>.ToCode(d.Province)[3..]})")).ToList())
                with { Facet = FacetDisplay.CountsLargestFirst },
            FilterDefinition.Choice("risk", "Risk", "risk",
                Codes<Risk>.All.Select(r => new FilterChoice(Codes<Risk>.ToCode(r), Codes<Risk>.ToCode(r))).ToList())
                with { Facet = FacetDisplay.Counts, Common = Codes<Risk>.ToCode(Risk.Low) },
            FilterDefinition.Choice("source", "Source", "source", Sources.Select(s => new FilterChoice(s, s)).ToList())
                with { Facet = FacetDisplay.Counts, Common = Sources[0] },
            FilterDefinition.DateRange("date", "Date", "timestamp") with { Facet = FacetDisplay.Counts },
        ],
        FilterCombinations = [["province"], ["province", "risk"], ["district"], ["district", "risk"], ["risk"], ["source"]],
        // A district lies in one province: with both chosen, the district filter alone is the query (README, "Filter combinations").
        FilterImplications = [new("district", "province", code => Districts.Find(code) is { } d ? Codes<Province>.ToCode(d.Province) : null)],
        MaskPersonalData = x =>
        {
            x.Msisdn = PersonalData.MaskPhone(x.Msisdn);
            x.FirstName = x.FirstName is null ? null : PersonalData.Initial(x.FirstName);
            x.LastName = x.LastName is null ? null : PersonalData.Initial(x.LastName);
            x.DeduplicationId = "";
            x.DateOfBirth = null;
            x.Latitude = x.Longitude = null;
        },
        MaskedColumnSql = new Dictionary<string, string>
        {
            ["msisdn"] = PersonalData.MaskPhoneSql("msisdn"),
            ["first_name"] = PersonalData.InitialSql("first_name"),
            ["last_name"] = PersonalData.InitialSql("last_name"),
            ["deduplication_id"] = "''",
            ["date_of_birth"] = "NULL::date",
            ["latitude"] = "NULL::double precision",
            ["longitude"] = "NULL::double precision",
        },
        Searches =
        [
            new("phone", "Phone number", "A full number: 0XX XXX XXXX or +27 XX XXX XXXX", "msisdn", SearchIndex.Btree,
                t => Msisdn.TryNormalize(t, out var e164)
                    ? new SqlPredicate("\"msisdn\" = {0}", [e164])
                    : throw new ListRequestException("Type a full South African mobile number: ten digits starting 06, 07 or 08 (0XX XXX XXXX), or +27 and the last nine.", ListQueryParser.SearchText)),
            // By record id, so a person's other checks can be listed and linked without the number in a URL or a page.
            new(SameNumberSearch, "Same number as record", "A record id: every check from that record's phone number", "msisdn", SearchIndex.Btree,
                t => Guid.TryParse(t, out var g)
                    ? new SqlPredicate("\"msisdn\" = (SELECT \"msisdn\" FROM \"health_checks\" WHERE \"id\" = {0})", [g])
                    : throw new ListRequestException("Type a record id, e.g. 0190f4c2-6a8e-7b1c-9d2e-3f4a5b6c7d8e, to list every check from its number.", ListQueryParser.SearchText)),
            new("phone-prefix", "Phone starts with", "At least 4 digits, e.g. 082 12", "msisdn", SearchIndex.BtreeThenOrdering, PhonePrefix) { Ordering = "phone" },
            new("phone-contains", "Phone contains", "At least 5 digits anywhere in the number", "msisdn", SearchIndex.Windows, PhoneContains)
                { IndexExpression = PhoneWindowsSql.Expression },
            new("id", "Record id", "The record's UUID", "id", SearchIndex.Unique,
                t => Guid.TryParse(t, out var g)
                    ? new SqlPredicate("\"id\" = {0}", [g])
                    : throw new ListRequestException("A record id looks like 0190f4c2-6a8e-7b1c-9d2e-3f4a5b6c7d8e.", ListQueryParser.SearchText)),
            new("deduplication-id", "Deduplication id", "The id the sending client gave the check", "deduplication_id", SearchIndex.Unique,
                t => new SqlPredicate("\"deduplication_id\" = {0}", [t])),
        ],
    };

    private static SqlPredicate PhonePrefix(string text)
    {
        if (!Msisdn.TryNormalizePrefix(text, out var prefix) || prefix.Length < 3 + 3)
            throw new ListRequestException("Type at least the first 4 digits of a mobile number, e.g. 082 1.", ListQueryParser.SearchText);
        return new SqlPredicate(PrefixRange(0), [prefix, UpperBound(prefix)]);
    }

    // A range on the "C"-collated btree: exactly the rows starting with a prefix, in number order.
    private static string PrefixRange(int first) => $"\"msisdn\" >= {{{first}}} AND \"msisdn\" < {{{first + 1}}}";

    private static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static SqlPredicate PhoneContains(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < PhoneWindowsSql.Width || text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+')))
            throw new ListRequestException("Type at least 5 digits that appear anywhere in the number.", ListQueryParser.SearchText);
        // The windows index finds the numbers holding the typed digits' first and last 5 digits in the national part, the
        // number's btree those where the digits start in the country code; LIKE keeps the numbers holding all of them.
        List<object> values = [PhoneWindowsSql.Keys(digits), "%" + digits + "%"];
        var arms = new List<string> { $"{PhoneWindowsSql.Expression} @> {{0}}::integer[]" };
        foreach (var prefix in PhoneWindowsSql.CountryCodePrefixes(digits))
        {
            arms.Add($"({PrefixRange(values.Count)})");
            values.AddRange([prefix, UpperBound(prefix)]);
        }
        return new SqlPredicate($"({string.Join(" OR ", arms)}) AND \"msisdn\" LIKE {{1}}", values);
    }
}
