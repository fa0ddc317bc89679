using Admin.Data.Observability;

namespace Admin.Data.Tests.Observability;

/// <summary>The Performance page shows a statement's parameters as an Analyst may see them.</summary>
public class StatementCaptureTests
{
    [Theory]
    [InlineData("+27821234567", "+27 82 *** 4567")] // a phone number searched for
    [InlineData("0821234567", "+27 82 *** 4567")]
    [InlineData("%8212345%", "%*******%")] // part of a number (contains search)
    [InlineData("+278212", "+******")] // a prefix
    [InlineData("Thandiwe", "T.…")] // a name
    [InlineData("ZA-GP", "ZA-GP")] // codes stay readable
    [InlineData("high", "high")]
    [InlineData("health_checks", "health_checks")]
    public void Text_values_are_masked_as_for_an_analyst(string value, string shown) =>
        Assert.Equal(shown, StatementCapture.Mask(value));

    [Fact]
    public void Dates_numbers_ids_and_nulls_show_as_they_are()
    {
        Assert.Equal("2021-03-14 10:32:00.000+00:00", StatementCapture.Mask(new DateTimeOffset(2021, 3, 14, 10, 32, 0, TimeSpan.Zero)));
        Assert.Equal("101", StatementCapture.Mask(101));
        Assert.Equal("3f2504e0-4f89-11d3-9a0c-0305e82c3301", StatementCapture.Mask(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301")));
        Assert.Equal("NULL", StatementCapture.Mask(null));
        Assert.Equal("NULL", StatementCapture.Mask(DBNull.Value));
    }
}
