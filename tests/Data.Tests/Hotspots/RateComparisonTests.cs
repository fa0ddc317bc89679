using Admin.Data.Hotspots;

namespace Admin.Data.Tests.Hotspots;

public class RateComparisonTests
{
    // Direct sum of binomial terms in log space: slow but obviously right, for small n.
    private static double UpperTailBySum(int k, int n, double p)
    {
        double total = 0;
        for (var i = k; i <= n; i++)
        {
            var logChoose = LogFactorial(n) - LogFactorial(i) - LogFactorial(n - i);
            total += Math.Exp(logChoose + i * Math.Log(p) + (n - i) * Math.Log(1 - p));
        }
        return total;
    }

    private static double LogFactorial(int n) => Enumerable.Range(1, n).Sum(i => Math.Log(i));

    [Theory]
    [InlineData(3, 3, 0.2)]
    [InlineData(1, 10, 0.2)]
    [InlineData(10, 40, 0.2)]
    [InlineData(25, 60, 0.2)]
    [InlineData(5, 200, 0.05)]
    [InlineData(150, 400, 0.3)]
    [InlineData(40, 50, 0.9)]
    public void Binomial_tail_matches_the_direct_sum(int k, int n, double p) =>
        Assert.Equal(UpperTailBySum(k, n, p), RateComparison.BinomialUpperTail(k, n, p), 1e-9);

    [Fact]
    public void Tail_edges()
    {
        Assert.Equal(1, RateComparison.BinomialUpperTail(0, 10, 0.2));
        Assert.Equal(0, RateComparison.BinomialUpperTail(11, 10, 0.2));
    }

    [Fact]
    public void Large_counts_stay_finite_and_ordered()
    {
        // 7 vs 28 days at the same rate: about half the mass is above the expected 20%.
        var atExpected = RateComparison.RiseP(2000, 7, 8000, 28);
        var aboveExpected = RateComparison.RiseP(2300, 7, 8000, 28);
        Assert.InRange(atExpected, 0.4, 0.6);
        Assert.True(aboveExpected < 1e-6);
    }

    [Fact]
    public void Rate_ratio_compares_daily_rates()
    {
        Assert.Equal(2.0, RateComparison.RateRatio(14, 7, 28, 28)!.Value, 9);
        Assert.Null(RateComparison.RateRatio(5, 7, 0, 28));
        Assert.Equal(7.0, RateComparison.Expected(28, 7, 28));
    }
}
