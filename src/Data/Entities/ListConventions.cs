using System.Globalization;
using Admin.Data.Domain;
using Admin.Data.Listing.Definitions;

namespace Admin.Data.Entities;

/// <summary>What the list definitions share: how times read (pages show them in the display zone: PositionAt), and the province filter (old codes accepted).</summary>
internal static class ListConventions
{
    public static string When(DateTimeOffset t) => t.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static FilterDefinition ProvinceFilter() =>
        FilterDefinition.Choice("province", "Province", "province",
            Codes<Province>.All.Select(p => new FilterChoice(Codes<Province>.ToCode(p), ProvinceNames.Of(p))).ToList(),
            v => ProvinceCodes.TryNormalize(v, out var p) ? Codes<Province>.ToCode(p) : null);
}
