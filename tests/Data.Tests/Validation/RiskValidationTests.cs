using Admin.Data.Domain;
using Admin.Data.Validation;
using F = Admin.Data.Validation.HealthCheckFields;

namespace Admin.Data.Tests.Validation;

public class RiskValidationTests
{
    private static readonly DateTimeOffset LaunchWeeks = new(2020, 4, 2, 10, 0, 0, TimeSpan.Zero);

    private static HealthCheckValidation Validate(Action<HealthCheckInput> change) =>
        ValidInputs.Validator().Validate(ValidInputs.With(change));

    private static void ThreeSymptoms(HealthCheckInput x) => x.Fever = x.Cough = x.SoreThroat = true;

    [Fact]
    public void The_server_computes_risk_when_the_client_sends_none()
    {
        Assert.Equal(Risk.Moderate, Validate(x => x.Risk = null).Value!.Values.Risk);            // 1 symptom, not exposed
        Assert.Equal(Risk.High, Validate(ThreeSymptoms).Value!.Values.Risk);
        Assert.Equal(Risk.High, Validate(x => x.ConfirmedContact = true).Value!.Values.Risk);    // contact overrides
    }

    [Fact]
    public void A_client_risk_that_agrees_with_the_rules_is_accepted() =>
        Assert.Equal(Risk.High, Validate(x => { ThreeSymptoms(x); x.Risk = "high"; }).Value!.Values.Risk);

    [Fact]
    public void A_client_risk_that_contradicts_the_rules_is_an_error_on_risk()
    {
        var result = Validate(x => { ThreeSymptoms(x); x.Risk = "low"; });
        Assert.Equal([F.Risk], result.Errors.Keys);
        Assert.Equal("Risk 'low' contradicts the rules: these answers give 'high' (symptom rule: 3 symptoms). Leave risk out and the server computes it.",
            result.ErrorFor(F.Risk));
    }

    [Fact]
    public void Which_rule_applies_depends_on_the_timestamp_PointsEraEnd()
    {
        // 3 symptoms and over 65: 40 points in the launch weeks (critical), the symptom rule's "high" afterwards.
        void Sick(HealthCheckInput x) { ThreeSymptoms(x); x.Age = ">65"; x.DateOfBirth = null; }
        Assert.Equal(Risk.Critical, Validate(x => { Sick(x); x.Timestamp = LaunchWeeks; x.CompletedTimestamp = null; x.Risk = "critical"; }).Value!.Values.Risk);
        Assert.Equal(Risk.Critical, Validate(x => { Sick(x); x.Timestamp = RiskRules.PointsEraEnd.AddTicks(-1); x.CompletedTimestamp = null; }).Value!.Values.Risk);
        Assert.Equal(Risk.High, Validate(x => { Sick(x); x.Timestamp = RiskRules.PointsEraEnd; x.CompletedTimestamp = null; }).Value!.Values.Risk);

        var late = Validate(x => { Sick(x); x.Risk = "critical"; });
        Assert.Contains("give 'high'", late.ErrorFor(F.Risk));
        var early = Validate(x => { Sick(x); x.Timestamp = LaunchWeeks; x.CompletedTimestamp = null; x.Risk = "high"; });
        Assert.Contains("give 'critical' (launch-weeks points rule (before 1 May 2020): 40 points)", early.ErrorFor(F.Risk));
    }

    [Fact]
    public void An_unknown_risk_code_is_an_error_even_when_other_fields_are_wrong()
    {
        Assert.Contains("'severe' is not a risk level", Validate(x => x.Risk = "severe").ErrorFor(F.Risk));
        var both = Validate(x => { x.Age = "old"; x.Risk = "severe"; });
        Assert.Equal([F.Age, F.Risk], both.Errors.Keys.Order());
    }

    [Fact]
    public void Risk_is_not_judged_against_answers_that_are_themselves_invalid()
    {
        var result = Validate(x => { x.Exposure = "perhaps"; x.Risk = "low"; });
        Assert.Equal([F.Exposure], result.Errors.Keys);
    }
}
