using Admin.Data.Hotspots;

namespace Admin.Data.Tests.Hotspots;

public class HotspotRuleTests
{
    private static readonly HotspotOptions Options = new();
    private readonly HotspotRule _rule = new(Options);

    [Fact]
    public void Tiny_counts_are_not_tested_even_when_the_ratio_is_huge()
    {
        var result = _rule.Assess([new WindowCounts(Recent: 4, Baseline: 0)])[0];

        Assert.Equal(HotspotVerdict.TooFew, result.Verdict);
        Assert.Null(result.PValue);
    }

    [Fact]
    public void A_tripling_over_a_steady_baseline_is_flagged_with_its_numbers()
    {
        var result = _rule.Assess([new WindowCounts(Recent: 60, Baseline: 80)])[0];

        Assert.Equal(HotspotVerdict.Hotspot, result.Verdict);
        Assert.Equal(20, result.Expected);
        Assert.Equal(3.0, result.RateRatio!.Value, 9);
        Assert.Equal(40, result.Excess);
        Assert.True(result.PValue < result.Threshold);
    }

    [Fact]
    public void A_significant_but_small_rise_in_a_big_area_is_not_a_hotspot()
    {
        // 10% above a large baseline: far beyond chance, but not the jump managers need to see.
        var result = _rule.Assess([new WindowCounts(Recent: 5500, Baseline: 20000)])[0];

        Assert.True(result.PValue < result.Threshold);
        Assert.Equal(HotspotVerdict.SmallRise, result.Verdict);
    }

    [Fact]
    public void The_threshold_is_shared_among_the_areas_tested()
    {
        var layer = new List<WindowCounts> { new(30, 40), new(12, 40), new(2, 0), new(0, 10) };

        var results = _rule.Assess(layer);

        Assert.All(results.Where(r => r.Threshold is not null), r => Assert.Equal(Options.FamilyFalseAlarmRate / 2, r.Threshold));
        Assert.Equal(2, results.Count(r => r.Verdict != HotspotVerdict.TooFew));
    }

    [Fact]
    public void A_fall_is_never_flagged()
    {
        var result = _rule.Assess([new WindowCounts(Recent: 20, Baseline: 200)])[0];

        Assert.Equal(HotspotVerdict.NotSignificant, result.Verdict);
        Assert.True(result.RateRatio < 1);
    }

    [Fact]
    public void P_values_given_ahead_are_used_as_they_are_and_must_match_the_layer()
    {
        var layer = new List<WindowCounts> { new(60, 80), new(4, 0) };

        var computed = _rule.Assess(layer);
        var given = _rule.Assess(layer, [0.9, 0.0]);

        Assert.Equal(computed[0].PValue, _rule.RiseP(layer[0]));
        Assert.Equal(HotspotVerdict.Hotspot, computed[0].Verdict);
        Assert.Equal((0.9, HotspotVerdict.NotSignificant), (given[0].PValue, given[0].Verdict));
        Assert.Equal((null, HotspotVerdict.TooFew), (given[1].PValue, given[1].Verdict)); // untested whatever its p
        Assert.Throws<ArgumentException>(() => _rule.Assess(layer, [0.5]));
    }
}
