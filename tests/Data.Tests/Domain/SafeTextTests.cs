using Admin.Data.Domain;

namespace Admin.Data.Tests.Domain;

public class SafeTextTests
{
    [Theory]
    [InlineData("plain text", true)]
    [InlineData("tabs\tand\nnewlines", true)]
    [InlineData("emoji 😷 pair", true)]
    [InlineData("nul\0inside", false)]
    [InlineData("bell\u0007", false)]
    public void Tells_clean_text(string text, bool clean) => Assert.Equal(clean, SafeText.IsClean(text));

    // Built in code: test-case serialization would replace a lone surrogate in [InlineData] before the test sees it.
    [Theory]
    [InlineData(0xD800, "lone high")]
    [InlineData(0xDC00, "lone low")]
    [InlineData(0xD83D, "")]
    public void A_lone_surrogate_is_not_clean(int surrogate, string around)
    {
        var text = around + (char)surrogate + around;

        Assert.False(SafeText.IsClean(text));
        Assert.True(SafeText.IsClean(SafeText.Clean(text)));
    }

    [Fact]
    public void Cleans_what_postgres_or_npgsql_would_refuse()
    {
        Assert.Equal("a\uFFFDb😷c", SafeText.Clean("a" + (char)0xD800 + "b😷\0c"));
    }

    [Fact]
    public void Cuts_to_length_without_splitting_a_surrogate_pair()
    {
        Assert.Equal("ab", SafeText.Clean("ab😷", 3));
        Assert.Equal("ab😷", SafeText.Clean("ab😷", 4));
    }
}
