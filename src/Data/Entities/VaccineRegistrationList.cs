using System.Globalization;
using Admin.Data.Domain;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using static Admin.Data.Entities.ListConventions;

using Admin.Data.Security;

namespace Admin.Data.Entities;

/// <summary>The vaccine registrations list page: a second table served by the same grid from its definition alone.</summary>
public static class VaccineRegistrationList
{
    public const string Slug = "vaccine-registrations";

    private static readonly KeyColumn[] Newest = [KeyColumn.Desc<DateTimeOffset>("created_at"), KeyColumn.Desc<long>("id")];

    public static readonly TableDefinition<VaccineRegistration> Definition = new()
    {
        Table = "vaccine_registrations",
        Slug = Slug,
        Title = "Vaccine registrations",
        Noun = ("registration", "registrations"),
        IdOf = x => x.Id.ToString(CultureInfo.InvariantCulture),
        ParseId = s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        Columns =
        [
            ColumnDefinition<VaccineRegistration>.Time("created_at", "Registered", x => x.CreatedAt) with { Width = "11rem" },
            new("first_name", "First name", x => x.FirstName),
            new("surname", "Surname", x => x.Surname),
            new("mobile_number", "Mobile number", x => x.MobileNumber) { Width = "10rem" },
            new("gender", "Gender", x => Codes<VaccineGender>.ToCode(x.Gender)) { Width = "6rem" },
            new("date_of_birth", "Born", x => x.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { Width = "7rem" },
            new("province", "Province", x => ProvinceNames.Of(x.Province)) { Width = "9rem" },
        ],
        MaskPersonalData = x =>
        {
            x.MobileNumber = PersonalData.MaskPhone(x.MobileNumber);
            x.FirstName = PersonalData.Initial(x.FirstName);
            x.Surname = PersonalData.Initial(x.Surname);
            x.DateOfBirth = new DateOnly(x.DateOfBirth.Year, 1, 1);
        },
        MaskedColumnSql = new Dictionary<string, string>
        {
            ["mobile_number"] = PersonalData.MaskPhoneSql("mobile_number"),
            ["first_name"] = PersonalData.InitialSql("first_name"),
            ["surname"] = PersonalData.InitialSql("surname"),
            ["date_of_birth"] = "make_date(extract(year FROM date_of_birth)::int, 1, 1)",
        },
        Orderings =
        [
            new("newest", "Newest first", Newest, x => [x.CreatedAt, x.Id], x => When(x.CreatedAt)) { PositionAt = x => x.CreatedAt },
            new("oldest", "Oldest first", [KeyColumn.Asc<DateTimeOffset>("created_at"), KeyColumn.Asc<long>("id")], x => [x.CreatedAt, x.Id], x => When(x.CreatedAt)) { PositionAt = x => x.CreatedAt },
        ],
        Filters =
        [
            ListConventions.ProvinceFilter(),
            FilterDefinition.DateRange("date", "Date", "created_at"),
        ],
        FilterCombinations = [["province"]],
        Searches =
        [
            new("mobile", "Mobile number", "A full number: 0XX XXX XXXX or +27 XX XXX XXXX", "mobile_number", SearchIndex.BtreeThenOrdering,
                t => Msisdn.TryNormalize(t, out var e164)
                    ? new SqlPredicate("\"mobile_number\" = {0}", [e164])
                    : throw new ListRequestException("Type a full South African mobile number: ten digits starting 06, 07 or 08 (0XX XXX XXXX), or +27 and the last nine.", ListQueryParser.SearchText)),
            new("surname", "Surname contains", "At least 3 letters", "surname", SearchIndex.Trigram,
                t => t.Trim().Length >= 3
                    ? new SqlPredicate("\"surname\" ILIKE {0}", ["%" + t.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%"])
                    : throw new ListRequestException("Type at least 3 letters of the surname.", ListQueryParser.SearchText)),
        ],
    };
}
