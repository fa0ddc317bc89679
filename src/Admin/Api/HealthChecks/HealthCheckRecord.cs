using System.Text.Json;
using System.Text.Json.Serialization;
using Admin.Data.Columns;
using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Api.HealthChecks;

/// <summary>
/// One HealthCheck as the API returns it: the seed service's field names and codes (so its data-lake clients read it
/// unchanged: ISO 6709 <c>location</c> strings, province codes, "18-40"), plus the district. Built from a row that was
/// already masked for the caller's role.
/// </summary>
public sealed record HealthCheckRecord
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    /// <summary>Empty for roles that may not see personal data.</summary>
    [JsonPropertyName("deduplication_id")] public string DeduplicationId { get; init; } = "";
    /// <summary>E.164, or masked ("+27 82 *** 4567") for roles that may not see personal data.</summary>
    [JsonPropertyName("msisdn")] public string Msisdn { get; init; } = "";
    [JsonPropertyName("first_name")] public string? FirstName { get; init; }
    [JsonPropertyName("last_name")] public string? LastName { get; init; }
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("province")] public string Province { get; init; } = "";
    [JsonPropertyName("district_code")] public string? District { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    /// <summary>ISO 6709, e.g. "-26.20227+028.04363/"; null when not shared or masked.</summary>
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("city_location")] public string? CityLocation { get; init; }
    [JsonPropertyName("age")] public string Age { get; init; } = "";
    [JsonPropertyName("date_of_birth")] public DateOnly? DateOfBirth { get; init; }
    [JsonPropertyName("gender")] public string Gender { get; init; } = "";
    [JsonPropertyName("place_of_work")] public string? PlaceOfWork { get; init; }
    [JsonPropertyName("fever")] public bool Fever { get; init; }
    [JsonPropertyName("cough")] public bool Cough { get; init; }
    [JsonPropertyName("sore_throat")] public bool SoreThroat { get; init; }
    [JsonPropertyName("difficulty_breathing")] public bool? DifficultyBreathing { get; init; }
    [JsonPropertyName("muscle_pain")] public bool? MusclePain { get; init; }
    [JsonPropertyName("smell")] public bool? Smell { get; init; }
    [JsonPropertyName("exposure")] public string Exposure { get; init; } = "";
    [JsonPropertyName("preexisting_condition")] public string? PreexistingCondition { get; init; }
    [JsonPropertyName("confirmed_contact")] public bool? ConfirmedContact { get; init; }
    [JsonPropertyName("tracing")] public bool Tracing { get; init; }
    [JsonPropertyName("rooms_in_household")] public int? RoomsInHousehold { get; init; }
    [JsonPropertyName("persons_in_household")] public int? PersonsInHousehold { get; init; }
    [JsonPropertyName("risk")] public string Risk { get; init; } = "";
    [JsonPropertyName("completed_timestamp")] public DateTimeOffset CompletedTimestamp { get; init; }
    [JsonPropertyName("timestamp")] public DateTimeOffset Timestamp { get; init; }
    [JsonPropertyName("created_by")] public string CreatedBy { get; init; } = "";
    /// <summary>Extra answers the flow collected, verbatim.</summary>
    [JsonPropertyName("data")] public JsonElement? Data { get; init; }

    /// <summary>The row's columns in their wire form (closed sets as codes), by field name; the rest is said here.</summary>
    public static HealthCheckRecord From(HealthCheck x) => Project(x);

    private static readonly Func<HealthCheck, HealthCheckRecord> Project = Projection.FromColumns<HealthCheck, HealthCheckRecord>(HealthCheckColumns.Table, r => r
        .Set(x => x.Location, c => c.Latitude.HasValue && c.Longitude.HasValue ? Iso6709.Format(c.Latitude.Value, c.Longitude.Value) : null)
        .Set(x => x.CityLocation, c => c.CityLatitude.HasValue && c.CityLongitude.HasValue ? Iso6709.Format(c.CityLatitude.Value, c.CityLongitude.Value) : null)
        .Set(x => x.Data, c => Json(c.Data)));

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}
