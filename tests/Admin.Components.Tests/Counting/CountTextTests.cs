using Admin.Components.Counting;

namespace Admin.Components.Tests.Counting;

public class CountTextTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(999L, "999")]
    [InlineData(1_000L, "1.0k")]
    [InlineData(9_949L, "9.9k")]
    [InlineData(9_960L, "10k")]
    [InlineData(69_121L, "69k")]
    [InlineData(999_499L, "999k")]
    [InlineData(999_960L, "1.0M")]
    [InlineData(2_345_678L, "2.3M")]
    [InlineData(20_012_345L, "20.0M")]
    [InlineData(999_960_000L, "1.0B")]
    public void Rounds_to_the_unit_the_number_reaches(long n, string expected) =>
        Assert.Equal(expected, CountText.Short(n));
}
