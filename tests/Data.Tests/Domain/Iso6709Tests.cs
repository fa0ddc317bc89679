using Admin.Data.Domain;

namespace Admin.Data.Tests.Domain;

public class Iso6709Tests
{
    [Theory]
    [InlineData("-26.20227+028.04363/", -26.20227, 28.04363)]
    [InlineData("+40.75-074.00/", 40.75, -74.0)]
    [InlineData("-33.92584+018.42322+15.5/", -33.92584, 18.42322)]          // with altitude
    [InlineData("-2612.1362+02802.6178/", -26.20227, 28.04363)]            // degrees + decimal minutes
    [InlineData("-261208.17+0280237.07/", -26.202269, 28.043631)]          // degrees, minutes, seconds
    [InlineData("+90+180/", 90, 180)]                                      // edges
    [InlineData("-90-180/", -90, -180)]
    [InlineData("+00.0+000.0/", 0, 0)]
    [InlineData("-26.2+028.0CRSWGS_84/", -26.2, 28.0)]                     // explicit CRS
    public void Parses_valid_points(string text, double lat, double lon)
    {
        Assert.True(Iso6709.TryParse(text, out var actualLat, out var actualLon));
        Assert.Equal(lat, actualLat, 5);
        Assert.Equal(lon, actualLon, 5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("-26.20227+028.04363")]      // no closing solidus
    [InlineData("-26.20227,28.04363/")]      // comma separated
    [InlineData("26.20227+028.04363/")]      // no sign
    [InlineData("-26.20227+28.04363/")]      // longitude needs three degree digits
    [InlineData("+91.0+000.0/")]             // latitude out of range
    [InlineData("+00.0+180.1/")]             // longitude out of range
    [InlineData("-2660.0+02800.0/")]         // 60 minutes
    [InlineData("-262060+0280000/")]         // 60 seconds
    [InlineData("-2.5+028.0/")]              // one-digit degrees
    [InlineData("'; DROP TABLE health_checks; --")]
    public void Rejects_invalid_points(string? text) =>
        Assert.False(Iso6709.TryParse(text, out _, out _));

    [Fact]
    public void Rejects_overlong_input_without_work() =>
        Assert.False(Iso6709.TryParse(new string('1', 10_000) + "/", out _, out _));

    [Theory]
    [InlineData(-26.20227, 28.04363, "-26.20227+028.04363/")]
    [InlineData(0.5, -0.25, "+00.50000-000.25000/")]
    public void Formats_and_round_trips(double lat, double lon, string expected)
    {
        var text = Iso6709.Format(lat, lon);
        Assert.Equal(expected, text);
        Assert.Equal((lat, lon), Iso6709.Parse(text));
    }

    [Fact]
    public void Parse_names_the_expected_form_in_its_error() =>
        Assert.Contains("ISO 6709", Assert.Throws<FormatException>(() => Iso6709.Parse("nowhere")).Message);
}
