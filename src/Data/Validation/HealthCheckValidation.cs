namespace Admin.Data.Validation;

/// <summary>
/// The validator's answer: field-keyed readable errors (shaped for <c>ValidationProblemDetails</c>), or the
/// normalised check when there are none.
/// </summary>
public sealed class HealthCheckValidation
{
    internal HealthCheckValidation(IReadOnlyDictionary<string, string[]> errors, ValidHealthCheck? value, (Domain.Risk Risk, string Why)? risk)
    {
        Errors = errors;
        Value = value;
        Risk = risk;
    }

    /// <summary>The risk the answers give and why, once the answers the rules read are valid (other fields may still be wrong).</summary>
    public (Domain.Risk Risk, string Why)? Risk { get; }

    /// <summary>Keyed by column name (<see cref="Entities.HealthCheckColumns"/>); each message reads on its own ("is 300 characters long; ...").</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Set exactly when <see cref="IsValid"/>.</summary>
    public ValidHealthCheck? Value { get; }

    public bool IsValid => Value is not null;

    /// <summary>The messages for one field joined into a sentence or two, or null (what a form shows under the field).</summary>
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}
