namespace Admin.Data.Hotspots;

/// <summary>
/// The exact conditional test for two Poisson counts observed over windows of different length (Przyborowski &amp;
/// Wilenski, 1940): given n = recent + baseline events, under "same daily rate" the recent count is
/// Binomial(n, recentDays / (recentDays + baselineDays)). The one-sided p-value is that binomial's upper tail.
/// Exact at any count, so small districts are judged as fairly as big ones, and it needs no population denominator.
/// </summary>
public static class RateComparison
{
    /// <summary>P(X ≥ k) for X ~ Binomial(n, p).</summary>
    public static double BinomialUpperTail(long k, long n, double p)
    {
        if (k <= 0) return 1;
        if (k > n) return 0;
        // P(X >= k) = I_p(k, n - k + 1).
        return Math.Clamp(SpecialFunctions.RegularizedIncompleteBeta(k, n - k + 1, p), 0, 1);
    }

    /// <summary>One-sided p-value that the recent daily rate exceeds the baseline daily rate.</summary>
    public static double RiseP(long recent, int recentDays, long baseline, int baselineDays) =>
        BinomialUpperTail(recent, recent + baseline, (double)recentDays / (recentDays + baselineDays));

    /// <summary>Recent daily rate over baseline daily rate; null when the baseline had no events (any rise is "new").</summary>
    public static double? RateRatio(long recent, int recentDays, long baseline, int baselineDays) =>
        baseline == 0 ? null : recent / (double)recentDays / (baseline / (double)baselineDays);

    /// <summary>Recent events expected if the baseline daily rate had held.</summary>
    public static double Expected(long baseline, int recentDays, int baselineDays) => baseline * (double)recentDays / baselineDays;
}
