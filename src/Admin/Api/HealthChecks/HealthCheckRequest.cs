using System.Text.Json;
using System.Text.Json.Serialization;
using Admin.Data.Validation;

namespace Admin.Api.HealthChecks;

/// <summary>
/// A HealthCheck as a client POSTs it: the seed service's field names (snake_case, <see cref="HealthCheckFields"/>),
/// so its chat flows post unchanged. Types are checked by the JSON reader (a word where a number belongs is a 400
/// naming the field); every rule beyond that is <see cref="HealthCheckValidator"/>'s, shared with the edit form.
/// Unknown fields are refused, so a misspelt field is an error rather than silently dropped.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HealthCheckRequest
{
    /// <summary>The client's idempotency key (1 to 255 printable ASCII characters): a repeat stores nothing new.
    /// Left out, the server makes one up, and a retry would store a second row.</summary>
    [JsonPropertyName(HealthCheckFields.DeduplicationId)] public string? DeduplicationId { get; init; }
    [JsonPropertyName(HealthCheckFields.Msisdn)] public string? Msisdn { get; init; }
    [JsonPropertyName(HealthCheckFields.FirstName)] public string? FirstName { get; init; }
    [JsonPropertyName(HealthCheckFields.LastName)] public string? LastName { get; init; }
    [JsonPropertyName(HealthCheckFields.Source)] public string? Source { get; init; }
    [JsonPropertyName(HealthCheckFields.Province)] public string? Province { get; init; }
    [JsonPropertyName(HealthCheckFields.DistrictCode)] public string? DistrictCode { get; init; }
    [JsonPropertyName(HealthCheckFields.City)] public string? City { get; init; }
    [JsonPropertyName(HealthCheckFields.Location)] public string? Location { get; init; }
    [JsonPropertyName(HealthCheckFields.CityLocation)] public string? CityLocation { get; init; }
    [JsonPropertyName(HealthCheckFields.Latitude)] public double? Latitude { get; init; }
    [JsonPropertyName(HealthCheckFields.Longitude)] public double? Longitude { get; init; }
    [JsonPropertyName(HealthCheckFields.CityLatitude)] public double? CityLatitude { get; init; }
    [JsonPropertyName(HealthCheckFields.CityLongitude)] public double? CityLongitude { get; init; }
    [JsonPropertyName(HealthCheckFields.Age)] public string? Age { get; init; }
    [JsonPropertyName(HealthCheckFields.DateOfBirth)] public DateOnly? DateOfBirth { get; init; }
    [JsonPropertyName(HealthCheckFields.Gender)] public string? Gender { get; init; }
    [JsonPropertyName(HealthCheckFields.PlaceOfWork)] public string? PlaceOfWork { get; init; }
    [JsonPropertyName(HealthCheckFields.Fever)] public bool? Fever { get; init; }
    [JsonPropertyName(HealthCheckFields.Cough)] public bool? Cough { get; init; }
    [JsonPropertyName(HealthCheckFields.SoreThroat)] public bool? SoreThroat { get; init; }
    [JsonPropertyName(HealthCheckFields.DifficultyBreathing)] public bool? DifficultyBreathing { get; init; }
    [JsonPropertyName(HealthCheckFields.MusclePain)] public bool? MusclePain { get; init; }
    [JsonPropertyName(HealthCheckFields.Smell)] public bool? Smell { get; init; }
    [JsonPropertyName(HealthCheckFields.Exposure)] public string? Exposure { get; init; }
    [JsonPropertyName(HealthCheckFields.PreexistingCondition)] public string? PreexistingCondition { get; init; }
    [JsonPropertyName(HealthCheckFields.ConfirmedContact)] public bool? ConfirmedContact { get; init; }
    [JsonPropertyName(HealthCheckFields.Tracing)] public bool? Tracing { get; init; }
    [JsonPropertyName(HealthCheckFields.RoomsInHousehold)] public int? RoomsInHousehold { get; init; }
    [JsonPropertyName(HealthCheckFields.PersonsInHousehold)] public int? PersonsInHousehold { get; init; }
    /// <summary>When the check was taken (ISO 8601); now when left out.</summary>
    [JsonPropertyName(HealthCheckFields.Timestamp)] public DateTimeOffset? Timestamp { get; init; }
    [JsonPropertyName(HealthCheckFields.CompletedTimestamp)] public DateTimeOffset? CompletedTimestamp { get; init; }
    [JsonPropertyName(HealthCheckFields.CreatedBy)] public string? CreatedBy { get; init; }
    /// <summary>Extra answers: a JSON object, stored verbatim.</summary>
    [JsonPropertyName(HealthCheckFields.Data)] public JsonElement? Data { get; init; }
    /// <summary>Optional: the server computes risk; a value that contradicts the rules is refused.</summary>
    [JsonPropertyName(HealthCheckFields.Risk)] public string? Risk { get; init; }

    public HealthCheckInput ToInput() => new()
    {
        DeduplicationId = DeduplicationId,
        Msisdn = Msisdn,
        FirstName = FirstName,
        LastName = LastName,
        Source = Source,
        Province = Province,
        DistrictCode = DistrictCode,
        City = City,
        Location = Location,
        CityLocation = CityLocation,
        Latitude = Latitude,
        Longitude = Longitude,
        CityLatitude = CityLatitude,
        CityLongitude = CityLongitude,
        Age = Age,
        DateOfBirth = DateOfBirth,
        Gender = Gender,
        PlaceOfWork = PlaceOfWork,
        Fever = Fever,
        Cough = Cough,
        SoreThroat = SoreThroat,
        DifficultyBreathing = DifficultyBreathing,
        MusclePain = MusclePain,
        Smell = Smell,
        Exposure = Exposure,
        PreexistingCondition = PreexistingCondition,
        ConfirmedContact = ConfirmedContact,
        Tracing = Tracing,
        RoomsInHousehold = RoomsInHousehold,
        PersonsInHousehold = PersonsInHousehold,
        Timestamp = Timestamp,
        CompletedTimestamp = CompletedTimestamp,
        CreatedBy = CreatedBy,
        Data = Data is { ValueKind: not JsonValueKind.Null } d ? d.GetRawText() : null,
        Risk = Risk,
    };
}
