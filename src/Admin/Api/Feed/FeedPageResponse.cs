using System.Text.Json.Serialization;
using Admin.Api.HealthChecks;

namespace Admin.Api.Feed;

/// <summary>A page of the change feed as the API answers it.</summary>
public sealed record FeedPageResponse
{
    /// <summary>The rows, in feed order (the order their writes committed below the horizon, then id).</summary>
    [JsonPropertyName("results")] public required IReadOnlyList<HealthCheckRecord> Results { get; init; }

    /// <summary>The URL of the next page while <see cref="HasMore"/>; null once the crawl has caught up.</summary>
    [JsonPropertyName("next")] public string? Next { get; init; }

    /// <summary>
    /// Where this page ended: always present. Store it; send it back as <c>cursor</c> (with the same filters) to continue
    /// now or to resume later: you will get every row written since, exactly once.
    /// </summary>
    [JsonPropertyName("cursor")] public required string Cursor { get; init; }

    /// <summary>
    /// True when more rows are ready now. A filtered page may hold fewer rows than page_size, even none, and still have
    /// more: it stopped after examining its share of the feed. False: you have caught up; resume later from cursor.
    /// </summary>
    [JsonPropertyName("has_more")] public required bool HasMore { get; init; }
}
