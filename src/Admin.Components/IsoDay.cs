using System.Globalization;

namespace Admin.Components;

/// <summary>A day as the browser's date inputs and the components' data attributes write it: yyyy-MM-dd.</summary>
internal static class IsoDay
{
    private const string Pattern = "yyyy-MM-dd";

    public static string Format(DateOnly day) => day.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? day) => day is { } d ? Format(d) : null;

    public static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
