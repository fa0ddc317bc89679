using System.Globalization;
using Admin.Data.Domain;

namespace Admin.Data.Validation;

/// <summary>Says in words why <see cref="RiskRules"/> gave a risk: for the edit form's live risk and for risk errors.</summary>
public static class RiskExplanation
{
    public static string Of(RiskInputs x, DateTimeOffset timestamp)
    {
        if (timestamp < RiskRules.PointsEraEnd)
        {
            var points = x.Points;
            return $"launch-weeks points rule (before {RiskRules.PointsEraEnd.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}): {points.ToString(CultureInfo.InvariantCulture)} points";
        }
        var symptoms = x.SymptomCount;
        var parts = new List<string> { symptoms == 1 ? "1 symptom" : $"{symptoms.ToString(CultureInfo.InvariantCulture)} symptoms" };
        if (x.ConfirmedContact == true) parts.Add("confirmed contact");
        else
        {
            if (x.Exposure == Answer.Yes) parts.Add("exposed");
            if (x.Age == AgeBand.Over65) parts.Add("over 65");
        }
        return "symptom rule: " + string.Join(", ", parts);
    }
}
