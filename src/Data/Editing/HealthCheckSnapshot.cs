using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Admin.Data.Domain;
using Admin.Data.Entities;
using F = Admin.Data.Validation.HealthCheckFields;

namespace Admin.Data.Editing;

/// <summary>
/// A HealthCheck's editable fields as JSON values, keyed by <see cref="Validation.HealthCheckFields"/>: what an edit's
/// audit entry records before and after, and how two versions are compared (data by JSON value, not by spelling).
/// </summary>
public static class HealthCheckSnapshot
{
    public static IReadOnlyDictionary<string, JsonNode?> Of(HealthCheck c) => new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
    {
        [F.Msisdn] = c.Msisdn,
        [F.FirstName] = c.FirstName,
        [F.LastName] = c.LastName,
        [F.Source] = c.Source,
        [F.Province] = Codes<Province>.ToCode(c.Province),
        [F.DistrictCode] = c.DistrictCode,
        [F.City] = c.City,
        [F.Latitude] = c.Latitude,
        [F.Longitude] = c.Longitude,
        [F.CityLatitude] = c.CityLatitude,
        [F.CityLongitude] = c.CityLongitude,
        [F.Age] = Codes<AgeBand>.ToCode(c.Age),
        [F.DateOfBirth] = c.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [F.Gender] = Code(c.Gender),
        [F.PlaceOfWork] = Code(c.PlaceOfWork),
        [F.Fever] = c.Fever,
        [F.Cough] = c.Cough,
        [F.SoreThroat] = c.SoreThroat,
        [F.DifficultyBreathing] = c.DifficultyBreathing,
        [F.MusclePain] = c.MusclePain,
        [F.Smell] = c.Smell,
        [F.Exposure] = Codes<Answer>.ToCode(c.Exposure),
        [F.PreexistingCondition] = Code(c.PreexistingCondition),
        [F.ConfirmedContact] = c.ConfirmedContact,
        [F.Tracing] = c.Tracing,
        [F.RoomsInHousehold] = c.RoomsInHousehold,
        [F.PersonsInHousehold] = c.PersonsInHousehold,
        [F.Timestamp] = Instant(c.Timestamp),
        [F.CompletedTimestamp] = Instant(c.CompletedTimestamp),
        [F.DeduplicationId] = c.DeduplicationId,
        [F.CreatedBy] = c.CreatedBy,
        [F.Data] = c.Data is null ? null : JsonNode.Parse(c.Data),
        [F.Risk] = Codes<Risk>.ToCode(c.Risk),
    };

    /// <summary>The fields whose values differ, in field order.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, JsonNode?> before, IReadOnlyDictionary<string, JsonNode?> after) =>
        before.Keys.Where(k => !JsonNode.DeepEquals(before[k], after[k])).ToList();

    /// <summary><c>{"before": {changed fields}, "after": {same fields}}</c>: the Detail of an edit's audit entry.</summary>
    public static string AuditDetail(IReadOnlyDictionary<string, JsonNode?> before, IReadOnlyDictionary<string, JsonNode?> after, IReadOnlyList<string> changed)
    {
        var b = new JsonObject();
        var a = new JsonObject();
        foreach (var field in changed)
        {
            b[field] = before[field]?.DeepClone();
            a[field] = after[field]?.DeepClone();
        }
        return new JsonObject { ["before"] = b, ["after"] = a }.ToJsonString(Options);
    }

    // Keeps non-ASCII names readable in the trail (jsonb stores the characters either way).
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string? Code<T>(T? value) where T : struct, Enum => value is { } v ? Codes<T>.ToCode(v) : null;

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
