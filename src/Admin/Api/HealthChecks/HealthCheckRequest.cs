using System.Text.Json;
using System.Text.Json.Serialization;
using Admin.Data.Columns;
using Admin.Data.Validation;

namespace Admin.Api.HealthChecks;

/// <summary>
/// A HealthCheck as a client POSTs it: the seed service's field names (snake_case: the column names of <see cref="Admin.Data.Entities.HealthCheckColumns"/>),
/// so its chat flows post unchanged. Types are checked by the JSON reader (a word where a number belongs is a 400
/// naming the field); every rule beyond that is <see cref="HealthCheckValidator"/>'s, shared with the edit form.
/// Unknown fields are refused, so a misspelt field is an error rather than silently dropped.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HealthCheckRequest
{
    /// <summary>The client's idempotency key (1 to 255 printable ASCII characters): a repeat stores nothing new.
    /// Left out, the server makes one up, and a retry would store a second row.</summary>
    [JsonPropertyName("deduplication_id")] public string? DeduplicationId { get; init; }
    [JsonPropertyName("msisdn")] public string? Msisdn { get; init; }
    [JsonPropertyName("first_name")] public string? FirstName { get; init; }
    [JsonPropertyName("last_name")] public string? LastName { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("province")] public string? Province { get; init; }
    [JsonPropertyName("district_code")] public string? DistrictCode { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("city_location")] public string? CityLocation { get; init; }
    [JsonPropertyName("latitude")] public double? Latitude { get; init; }
    [JsonPropertyName("longitude")] public double? Longitude { get; init; }
    [JsonPropertyName("city_latitude")] public double? CityLatitude { get; init; }
    [JsonPropertyName("city_longitude")] public double? CityLongitude { get; init; }
    [JsonPropertyName("age")] public string? Age { get; init; }
    [JsonPropertyName("date_of_birth")] public DateOnly? DateOfBirth { get; init; }
    [JsonPropertyName("gender")] public string? Gender { get; init; }
    [JsonPropertyName("place_of_work")] public string? PlaceOfWork { get; init; }
    [JsonPropertyName("fever")] public bool? Fever { get; init; }
    [JsonPropertyName("cough")] public bool? Cough { get; init; }
    [JsonPropertyName("sore_throat")] public bool? SoreThroat { get; init; }
    [JsonPropertyName("difficulty_breathing")] public bool? DifficultyBreathing { get; init; }
    [JsonPropertyName("muscle_pain")] public bool? MusclePain { get; init; }
    [JsonPropertyName("smell")] public bool? Smell { get; init; }
    [JsonPropertyName("exposure")] public string? Exposure { get; init; }
    [JsonPropertyName("preexisting_condition")] public string? PreexistingCondition { get; init; }
    [JsonPropertyName("confirmed_contact")] public bool? ConfirmedContact { get; init; }
    [JsonPropertyName("tracing")] public bool? Tracing { get; init; }
    [JsonPropertyName("rooms_in_household")] public int? RoomsInHousehold { get; init; }
    [JsonPropertyName("persons_in_household")] public int? PersonsInHousehold { get; init; }
    /// <summary>When the check was taken (ISO 8601); now when left out.</summary>
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; init; }
    [JsonPropertyName("completed_timestamp")] public DateTimeOffset? CompletedTimestamp { get; init; }
    [JsonPropertyName("created_by")] public string? CreatedBy { get; init; }
    /// <summary>Extra answers: a JSON object, stored verbatim.</summary>
    [JsonPropertyName("data")] public JsonElement? Data { get; init; }
    /// <summary>Optional: the server computes risk; a value that contradicts the rules is refused.</summary>
    [JsonPropertyName("risk")] public string? Risk { get; init; }

    /// <summary>The same fields, by name, as the validator's input.</summary>
    public HealthCheckInput ToInput() => Input(this);

    private static readonly Func<HealthCheckRequest, HealthCheckInput> Input = Projection.ByName<HealthCheckRequest, HealthCheckInput>(r => r
        .Set(x => x.Data, q => q.Data.HasValue && q.Data.Value.ValueKind != JsonValueKind.Null ? q.Data.Value.GetRawText() : null));
}
