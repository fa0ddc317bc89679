using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Data.Validation;

/// <summary>
/// A HealthCheck that passed <see cref="HealthCheckValidator"/>: normalised (E.164 number, current province code,
/// canonical district code, trimmed text, defaults filled in) and with the risk computed by <see cref="RiskRules"/>.
/// Only the validator makes one, so whatever holds one may write it.
/// </summary>
public sealed record ValidHealthCheck
{
    internal ValidHealthCheck() { }

    public required string Msisdn { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public required string Source { get; init; }
    public Province Province { get; init; }
    public string? DistrictCode { get; init; }
    public string? City { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? CityLatitude { get; init; }
    public double? CityLongitude { get; init; }
    public AgeBand Age { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public Gender? Gender { get; init; }
    public PlaceOfWork? PlaceOfWork { get; init; }
    public bool Fever { get; init; }
    public bool Cough { get; init; }
    public bool SoreThroat { get; init; }
    public bool? DifficultyBreathing { get; init; }
    public bool? MusclePain { get; init; }
    public bool? Smell { get; init; }
    public Answer Exposure { get; init; }
    public Answer? PreexistingCondition { get; init; }
    public bool? ConfirmedContact { get; init; }
    public bool Tracing { get; init; }
    public int? RoomsInHousehold { get; init; }
    public int? PersonsInHousehold { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset CompletedTimestamp { get; init; }
    public required string DeduplicationId { get; init; }
    public required string CreatedBy { get; init; }
    public string? Data { get; init; }
    /// <summary>Computed by the rules, never taken from the client.</summary>
    public Risk Risk { get; init; }

    /// <summary>A new row. Ids are UUIDv7 like the generator's: time-ordered, so inserts land at the index's end.</summary>
    public HealthCheck ToNewEntity() => ApplyTo(new HealthCheck { Id = Guid.CreateVersion7(Timestamp) });

    /// <summary>Writes every field a client or admin may set onto <paramref name="entity"/> (not the id, version or change xid).</summary>
    public HealthCheck ApplyTo(HealthCheck entity)
    {
        entity.Msisdn = Msisdn;
        entity.FirstName = FirstName;
        entity.LastName = LastName;
        entity.Source = Source;
        entity.Province = Province;
        entity.DistrictCode = DistrictCode;
        entity.City = City;
        entity.Latitude = Latitude;
        entity.Longitude = Longitude;
        entity.CityLatitude = CityLatitude;
        entity.CityLongitude = CityLongitude;
        entity.Age = Age;
        entity.DateOfBirth = DateOfBirth;
        entity.Gender = Gender;
        entity.PlaceOfWork = PlaceOfWork;
        entity.Fever = Fever;
        entity.Cough = Cough;
        entity.SoreThroat = SoreThroat;
        entity.DifficultyBreathing = DifficultyBreathing;
        entity.MusclePain = MusclePain;
        entity.Smell = Smell;
        entity.Exposure = Exposure;
        entity.PreexistingCondition = PreexistingCondition;
        entity.ConfirmedContact = ConfirmedContact;
        entity.Tracing = Tracing;
        entity.RoomsInHousehold = RoomsInHousehold;
        entity.PersonsInHousehold = PersonsInHousehold;
        entity.Timestamp = Timestamp;
        entity.CompletedTimestamp = CompletedTimestamp;
        entity.DeduplicationId = DeduplicationId;
        entity.CreatedBy = CreatedBy;
        entity.Data = Data;
        entity.Risk = Risk;
        return entity;
    }
}
