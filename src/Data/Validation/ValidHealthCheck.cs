using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Data.Validation;

/// <summary>
/// A HealthCheck that passed <see cref="HealthCheckValidator"/>: normalised (E.164 number, current province code,
/// canonical district code, trimmed text, defaults filled in) and with the risk computed by <see cref="RiskRules"/>.
/// Only the validator makes one, so whatever holds one may write it. Its values are a HealthCheck's columns; they are
/// copied out (<see cref="ApplyTo"/>), never shared, so nothing can change them after the check.
/// </summary>
public sealed class ValidHealthCheck
{
    private readonly HealthCheck _values;

    internal ValidHealthCheck(HealthCheck values) => _values = values;

    /// <summary>The client's idempotency key (what batch writes deduplicate on).</summary>
    public string DeduplicationId => _values.DeduplicationId;

    /// <summary>A copy of the checked values, for reading (its id is empty).</summary>
    public HealthCheck Values => ApplyTo(new HealthCheck());

    /// <summary>A new row. Ids are UUIDv7 like the generator's: time-ordered, so inserts land at the index's end.</summary>
    public HealthCheck ToNewEntity() => ApplyTo(new HealthCheck { Id = Guid.CreateVersion7(_values.Timestamp) });

    /// <summary>Writes every column a client or admin may set, and the computed risk, onto <paramref name="entity"/> (not the id, version or change xid).</summary>
    public HealthCheck ApplyTo(HealthCheck entity) => HealthCheckColumns.Table.CopyEdited(_values, entity);
}
