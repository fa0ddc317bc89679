using Admin.Data.Columns;
using Admin.Data.Entities;

namespace Admin.Data.Validation;

/// <summary>
/// A HealthCheck as a client sends it or an admin edits it: every field a caller may set, as loosely typed as the
/// wire allows (codes and numbers as text or nullable values), so that anything wrong becomes a field error from
/// <see cref="HealthCheckValidator"/> rather than an exception. The id, risk (computed), change_xid and version are
/// the server's. Fields are matched to columns by name (snake_case), and errors are keyed by it.
/// </summary>
public sealed class HealthCheckInput
{
    /// <summary>Any common South African form ("082 123 4567", "+27821234567", "27821234567"); stored as E.164.</summary>
    public string? Msisdn { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>The channel ("WhatsApp", "USSD", "Web").</summary>
    public string? Source { get; set; }

    /// <summary>ISO 3166-2 code, current or pre-2007 (ZA-GT, ZA-NL, ZA-NP), with or without "ZA-".</summary>
    public string? Province { get; set; }
    /// <summary>Municipal Demarcation Board code ("JHB", "DC22"); must lie in <see cref="Province"/>.</summary>
    public string? DistrictCode { get; set; }
    public string? City { get; set; }

    /// <summary>ISO 6709 ("-26.20227+028.04363/"): the service's form. Give this or Latitude/Longitude, not both.</summary>
    public string? Location { get; set; }
    public string? CityLocation { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? CityLatitude { get; set; }
    public double? CityLongitude { get; set; }

    /// <summary>"&lt;18", "18-40", "40-65" or "&gt;65".</summary>
    public string? Age { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    /// <summary>"male", "female", "other", "not_say", or empty.</summary>
    public string? Gender { get; set; }
    /// <summary>"healthcare", "education", "port_of_entry", "other", or empty.</summary>
    public string? PlaceOfWork { get; set; }

    public bool? Fever { get; set; }
    public bool? Cough { get; set; }
    public bool? SoreThroat { get; set; }
    public bool? DifficultyBreathing { get; set; }
    public bool? MusclePain { get; set; }
    public bool? Smell { get; set; }

    /// <summary>"yes", "no" or "not_sure".</summary>
    public string? Exposure { get; set; }
    public string? PreexistingCondition { get; set; }
    public bool? ConfirmedContact { get; set; }
    public bool? Tracing { get; set; }

    public int? RoomsInHousehold { get; set; }
    public int? PersonsInHousehold { get; set; }

    /// <summary>When the check was taken; now when left out.</summary>
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>When the flow finished; the timestamp when left out.</summary>
    public DateTimeOffset? CompletedTimestamp { get; set; }
    /// <summary>The client's idempotency key; a new random one when left out.</summary>
    public string? DeduplicationId { get; set; }
    public string? CreatedBy { get; set; }
    /// <summary>Extra answers: a JSON object, as text.</summary>
    public string? Data { get; set; }

    /// <summary>Optional. The server computes risk by <see cref="Domain.RiskRules"/>; a value that disagrees is an error.</summary>
    public string? Risk { get; set; }

    public HealthCheckInput Clone() => (HealthCheckInput)MemberwiseClone();

    /// <summary>
    /// A stored HealthCheck as an input, for the edit form: validating it unchanged gives the same row back. Risk is
    /// left out on purpose (the server computes it, and the form shows it live), as are the ISO 6709 texts (the
    /// coordinates are there).
    /// </summary>
    public static HealthCheckInput From(HealthCheck stored) => FromRow(stored);

    private static readonly Func<HealthCheck, HealthCheckInput> FromRow = Projection.FromColumns<HealthCheck, HealthCheckInput>(
        HealthCheckColumns.Table, r => r.Ignore(x => x.Location).Ignore(x => x.CityLocation).Ignore(x => x.Risk));
}

public static class HealthCheckInputMapping
{
    /// <inheritdoc cref="HealthCheckInput.From"/>
    public static HealthCheckInput ToInput(this HealthCheck stored) => HealthCheckInput.From(stored);
}
