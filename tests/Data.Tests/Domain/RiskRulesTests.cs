using Admin.Data.Domain;

namespace Admin.Data.Tests.Domain;

public class RiskRulesTests
{
    private static readonly DateTimeOffset Later = new(2021, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Launch = new(2020, 4, 2, 12, 0, 0, TimeSpan.Zero);

    private static RiskInputs Inputs(int symptoms, Answer exposure = Answer.No, AgeBand age = AgeBand.From18To40, bool? confirmed = null)
    {
        var s = Enumerable.Range(0, 6).Select(i => i < symptoms).ToArray();
        return new RiskInputs(s[0], s[1], s[2], s[3], s[4], s[5], exposure, age, confirmed);
    }

    [Theory]
    [InlineData(3, Answer.No, AgeBand.From18To40, Risk.High)]
    [InlineData(6, Answer.No, AgeBand.Under18, Risk.High)]
    [InlineData(2, Answer.Yes, AgeBand.From18To40, Risk.High)]
    [InlineData(2, Answer.No, AgeBand.Over65, Risk.High)]
    [InlineData(2, Answer.NotSure, AgeBand.From40To65, Risk.Moderate)]
    [InlineData(1, Answer.Yes, AgeBand.From18To40, Risk.High)]
    [InlineData(1, Answer.No, AgeBand.Over65, Risk.Moderate)]
    [InlineData(0, Answer.Yes, AgeBand.From18To40, Risk.Moderate)]
    [InlineData(0, Answer.NotSure, AgeBand.Over65, Risk.Low)]
    [InlineData(0, Answer.No, AgeBand.From18To40, Risk.Low)]
    public void Symptom_rule_covers_every_branch(int symptoms, Answer exposure, AgeBand age, Risk expected) =>
        Assert.Equal(expected, RiskRules.Classify(Inputs(symptoms, exposure, age), Later));

    [Theory]
    [InlineData(1, Risk.High)]
    [InlineData(4, Risk.High)]
    [InlineData(0, Risk.Moderate)]
    public void Confirmed_contact_overrides_the_symptom_rule(int symptoms, Risk expected) =>
        Assert.Equal(expected, RiskRules.Classify(Inputs(symptoms, Answer.No, AgeBand.From18To40, confirmed: true), Later));

    [Fact]
    public void Confirmed_contact_false_keeps_the_symptom_rule() =>
        Assert.Equal(Risk.Low, RiskRules.Classify(Inputs(0, confirmed: false), Later));

    [Theory]
    // fever+cough+sore throat+age>65 = 40 -> critical; 3 symptoms + exposure yes = 37 -> critical
    [InlineData(3, Answer.No, AgeBand.Over65, Risk.Critical)]
    [InlineData(3, Answer.Yes, AgeBand.From18To40, Risk.Critical)]
    // 30 exactly is not > 30 -> high
    [InlineData(3, Answer.No, AgeBand.From18To40, Risk.High)]
    // 2 symptoms + not sure = 23 -> not > 23 -> moderate; with yes = 27 -> high
    [InlineData(2, Answer.NotSure, AgeBand.From18To40, Risk.Moderate)]
    [InlineData(2, Answer.Yes, AgeBand.From18To40, Risk.High)]
    // 20 exactly -> low
    [InlineData(2, Answer.No, AgeBand.From18To40, Risk.Low)]
    [InlineData(0, Answer.Yes, AgeBand.Over65, Risk.Low)]
    public void Launch_weeks_score_points(int symptoms, Answer exposure, AgeBand age, Risk expected) =>
        Assert.Equal(expected, RiskRules.Classify(Inputs(symptoms, exposure, age), Launch));

    [Fact]
    public void Points_ignore_the_symptoms_they_did_not_ask_about()
    {
        var onlyLaterSymptoms = new RiskInputs(false, false, false, true, true, true, Answer.No, AgeBand.From18To40, null);
        Assert.Equal(Risk.Low, RiskRules.ByPoints(onlyLaterSymptoms));
        Assert.Equal(Risk.High, RiskRules.BySymptoms(onlyLaterSymptoms));
    }

    [Fact]
    public void The_rule_changes_at_the_end_of_the_points_era()
    {
        var x = Inputs(3, Answer.No, AgeBand.Over65);
        Assert.Equal(Risk.Critical, RiskRules.Classify(x, RiskRules.PointsEraEnd.AddTicks(-1)));
        Assert.Equal(Risk.High, RiskRules.Classify(x, RiskRules.PointsEraEnd));
    }
}
