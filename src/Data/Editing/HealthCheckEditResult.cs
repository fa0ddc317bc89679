using Admin.Data.Entities;

namespace Admin.Data.Editing;

public enum EditOutcome
{
    /// <summary>Written, with its audit entry, in one transaction.</summary>
    Saved,
    /// <summary>The input equals the stored record: nothing written, nothing audited.</summary>
    Unchanged,
    /// <summary>The input broke a rule; <see cref="HealthCheckEditResult.Errors"/> says which.</summary>
    Invalid,
    /// <summary>Someone else changed the record after it was read: nothing written.</summary>
    Conflict,
    NotFound,
    /// <summary>A rollup rebuild held the refresh lock too long: nothing written, try again.</summary>
    Busy,
}

/// <summary>What became of an edit. <see cref="Message"/> is written for the person editing.</summary>
public sealed record HealthCheckEditResult(EditOutcome Outcome, string Message)
{
    /// <summary>The record as stored now (its new <see cref="HealthCheck.Version"/> after a save).</summary>
    public HealthCheck? Check { get; init; }
    /// <summary>Fields the save changed (risk included when it was recomputed).</summary>
    public IReadOnlyList<string> Changed { get; init; } = [];
    /// <summary>Field-keyed errors (column names, <see cref="Entities.HealthCheckColumns"/>) when <see cref="EditOutcome.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}
