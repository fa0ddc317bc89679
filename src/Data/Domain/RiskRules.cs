namespace Admin.Data.Domain;

/// <summary>The answers the risk classification reads.</summary>
public readonly record struct RiskInputs(
    bool Fever, bool Cough, bool SoreThroat, bool? DifficultyBreathing, bool? MusclePain, bool? Smell,
    Answer Exposure, AgeBand Age, bool? ConfirmedContact)
{
    public int SymptomCount =>
        (Fever ? 1 : 0) + (Cough ? 1 : 0) + (SoreThroat ? 1 : 0)
        + (DifficultyBreathing == true ? 1 : 0) + (MusclePain == true ? 1 : 0) + (Smell == true ? 1 : 0);

    /// <summary>The launch weeks' score: 10 for each of fever, cough, sore throat and being over 65; exposure yes 7, not sure 3.</summary>
    public int Points =>
        (Fever ? 10 : 0) + (Cough ? 10 : 0) + (SoreThroat ? 10 : 0) + (Age == AgeBand.Over65 ? 10 : 0)
        + Exposure switch { Answer.Yes => 7, Answer.NotSure => 3, _ => 0 };
}

/// <summary>
/// The service's own risk classification (NOTES §2). Which rule applied depends on when the check was taken:
/// the launch weeks scored points (the only source of "critical"); later checks count symptoms, and once the
/// flow asked about confirmed contact, a confirmed contact overrides the symptom rule.
/// </summary>
public static class RiskRules
{
    /// <summary>Checks before this instant were scored by points.</summary>
    public static readonly DateTimeOffset PointsEraEnd = new(2020, 5, 1, 0, 0, 0, TimeSpan.Zero);

    public static Risk Classify(RiskInputs x, DateTimeOffset timestamp) =>
        timestamp < PointsEraEnd ? ByPoints(x) : BySymptoms(x);

    public static Risk BySymptoms(RiskInputs x)
    {
        var symptoms = x.SymptomCount;
        if (x.ConfirmedContact == true)
            return symptoms > 0 ? Risk.High : Risk.Moderate;
        var exposed = x.Exposure == Answer.Yes;
        return symptoms switch
        {
            >= 3 => Risk.High,
            2 => exposed || x.Age == AgeBand.Over65 ? Risk.High : Risk.Moderate,
            1 => exposed ? Risk.High : Risk.Moderate,
            _ => exposed ? Risk.Moderate : Risk.Low,
        };
    }

    public static Risk ByPoints(RiskInputs x)
    {
        return x.Points switch
        {
            > 30 => Risk.Critical,
            > 23 => Risk.High,
            > 20 => Risk.Moderate,
            _ => Risk.Low,
        };
    }
}
