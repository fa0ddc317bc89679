using System.Globalization;
using System.Text.RegularExpressions;

namespace Admin.Data.Domain;

/// <summary>
/// ISO 6709 point strings as the WhatsApp flow sent them ("-26.20227+028.04363/").
/// Accepts decimal degrees, degrees+minutes and degrees+minutes+seconds, an optional altitude and CRS, and the closing solidus.
/// </summary>
public static partial class Iso6709
{
    [GeneratedRegex(@"^(?<lat>[+-]\d{2}(?:\d{2}(?:\d{2})?)?(?:\.\d+)?)(?<lon>[+-]\d{3}(?:\d{2}(?:\d{2})?)?(?:\.\d+)?)(?<alt>[+-]\d+(?:\.\d+)?)?(?:CRS[A-Za-z0-9_:]+)?/$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out double latitude, out double longitude)
    {
        latitude = longitude = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64) return false;
        var m = Pattern().Match(text.Trim());
        return m.Success
            && TryAngle(m.Groups["lat"].Value, 2, 90, out latitude)
            && TryAngle(m.Groups["lon"].Value, 3, 180, out longitude);
    }

    public static (double Latitude, double Longitude) Parse(string text) =>
        TryParse(text, out var lat, out var lon)
            ? (lat, lon)
            : throw new FormatException($"'{text}' is not an ISO 6709 location such as -26.20227+028.04363/.");

    public static string Format(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"{(latitude < 0 ? '-' : '+')}{Math.Abs(latitude):00.00000}{(longitude < 0 ? '-' : '+')}{Math.Abs(longitude):000.00000}/");

    private static bool TryAngle(string token, int degreeDigits, double max, out double value)
    {
        value = 0;
        var sign = token[0] == '-' ? -1 : 1;
        var body = token[1..];
        var dot = body.IndexOf('.');
        var whole = dot < 0 ? body : body[..dot];
        var fraction = dot < 0 ? "" : body[dot..];
        double degrees, minutes = 0, seconds = 0;
        switch (whole.Length - degreeDigits)
        {
            case 0:
                degrees = Number(whole + fraction);
                break;
            case 2:
                degrees = Number(whole[..degreeDigits]);
                minutes = Number(whole[degreeDigits..] + fraction);
                break;
            case 4:
                degrees = Number(whole[..degreeDigits]);
                minutes = Number(whole.Substring(degreeDigits, 2));
                seconds = Number(whole[(degreeDigits + 2)..] + fraction);
                break;
            default:
                return false;
        }
        if (minutes >= 60 || seconds >= 60) return false;
        var abs = degrees + minutes / 60 + seconds / 3600;
        if (abs > max) return false;
        value = sign * abs;
        return true;
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
