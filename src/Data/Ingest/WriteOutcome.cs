using Admin.Data.Entities;

namespace Admin.Data.Ingest;

/// <summary>A single write: the row as stored, and whether this call created it (false: its deduplication id existed).</summary>
public sealed record WriteOutcome(HealthCheck Stored, bool Created);

/// <summary>One item of a batch write, in the order sent: the stored row's id and whether this call created it.</summary>
public readonly record struct BatchItemOutcome(Guid Id, bool Created);
