using Admin.Data.Domain;

namespace Admin.Data.Tests.Domain;

public class MsisdnTests
{
    [Theory]
    [InlineData("082 123 4567", "+27821234567")]
    [InlineData("0821234567", "+27821234567")]
    [InlineData("+27 82 123 4567", "+27821234567")]
    [InlineData("+27-82-123-4567", "+27821234567")]
    [InlineData("27821234567", "+27821234567")]
    [InlineData("0027821234567", "+27821234567")]
    [InlineData("(082) 123-4567", "+27821234567")]
    [InlineData("+27611234567", "+27611234567")]
    public void Normalises_to_e164(string input, string expected) =>
        Assert.Equal(expected, Msisdn.Normalize(input));

    [Theory]
    [InlineData("012 345 6789")]   // landline
    [InlineData("+44 7911 123456")] // another country
    [InlineData("082 123 456")]    // too short
    [InlineData("082 123 45678")]  // too long
    [InlineData("082-ABC-4567")]
    [InlineData("")]
    [InlineData("' OR 1=1 --")]
    public void Rejects_what_is_not_an_sa_mobile(string input) =>
        Assert.False(Msisdn.TryNormalize(input, out _));

    [Theory]
    [InlineData("082 12", "+278212")]
    [InlineData("+2782", "+2782")]
    [InlineData("2782", "+2782")]
    [InlineData("08", "+278")]
    [InlineData("0821234567", "+27821234567")]
    public void Normalises_prefixes(string input, string expected)
    {
        Assert.True(Msisdn.TryNormalizePrefix(input, out var prefix));
        Assert.Equal(expected, prefix);
    }

    [Theory]
    [InlineData("0")]      // no digit after the trunk prefix
    [InlineData("01")]     // not a mobile range
    [InlineData("0821234567890")]
    public void Rejects_bad_prefixes(string input) => Assert.False(Msisdn.TryNormalizePrefix(input, out _));

    [Fact]
    public void Masks_all_but_the_network_and_last_four() =>
        Assert.Equal("+27 82 *** 4567", Msisdn.Mask("+27821234567"));
}
