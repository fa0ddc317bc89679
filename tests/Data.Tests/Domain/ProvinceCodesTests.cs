using Admin.Data.Domain;

namespace Admin.Data.Tests.Domain;

public class ProvinceCodesTests
{
    [Theory]
    [InlineData("ZA-GT", Province.Gauteng)]
    [InlineData("ZA-NL", Province.KwaZuluNatal)]
    [InlineData("ZA-NP", Province.Limpopo)]
    [InlineData("ZA-GP", Province.Gauteng)]
    [InlineData("ZA-KZN", Province.KwaZuluNatal)]
    [InlineData("ZA-LP", Province.Limpopo)]
    [InlineData("za-wc", Province.WesternCape)]
    [InlineData(" ZA-EC ", Province.EasternCape)]
    [InlineData("NC", Province.NorthernCape)]
    [InlineData("gt", Province.Gauteng)]
    public void Normalises_old_and_current_codes(string input, Province expected) =>
        Assert.Equal(expected, ProvinceCodes.Normalize(input));

    [Fact]
    public void Every_current_code_reads_back_as_itself()
    {
        foreach (var p in Codes<Province>.All)
            Assert.Equal(p, ProvinceCodes.Normalize(Codes<Province>.ToCode(p)));
    }

    [Fact]
    public void Stores_current_codes_only()
    {
        Assert.Equal("ZA-GP", Codes<Province>.ToCode(ProvinceCodes.Normalize("ZA-GT")));
        Assert.Equal("ZA-KZN", Codes<Province>.ToCode(ProvinceCodes.Normalize("ZA-NL")));
        Assert.Equal("ZA-LP", Codes<Province>.ToCode(ProvinceCodes.Normalize("ZA-NP")));
        Assert.DoesNotContain(Codes<Province>.AllCodes, c => c is "ZA-GT" or "ZA-NL" or "ZA-NP");
    }

    [Theory]
    [InlineData("ZA-XX")]
    [InlineData("US-CA")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("ZA-")]
    [InlineData("Gauteng")]
    public void Rejects_unknown_codes(string? input)
    {
        Assert.False(ProvinceCodes.TryNormalize(input, out _));
        if (input is not null)
            Assert.Contains("province", Assert.Throws<FormatException>(() => ProvinceCodes.Normalize(input)).Message);
    }
}
