using System.Text.Json.Serialization;

namespace Admin.Api.HealthChecks;

/// <summary>The answer to a batch: per item, in the order sent, the stored record's id and whether this call created it.</summary>
public sealed record BatchResponse
{
    [JsonPropertyName("created")] public required int Created { get; init; }
    [JsonPropertyName("existing")] public required int Existing { get; init; }
    [JsonPropertyName("results")] public required IReadOnlyList<BatchItem> Results { get; init; }
}

public sealed record BatchItem
{
    /// <summary>Position in the request array (from 0).</summary>
    [JsonPropertyName("index")] public required int Index { get; init; }
    [JsonPropertyName("id")] public required Guid Id { get; init; }
    /// <summary>"created", or "existing" when a record with this deduplication_id was already stored (nothing changed).</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
}
