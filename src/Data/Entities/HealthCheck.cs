using Admin.Data.Domain;

namespace Admin.Data.Entities;

/// <summary>One completed COVID-19 HealthCheck (the service's <c>Covid19Triage</c> record, NOTES §1).</summary>
public class HealthCheck
{
    public Guid Id { get; set; }

    /// <summary>Client-supplied idempotency key: a repeated submission stores nothing new.</summary>
    public string DeduplicationId { get; set; } = "";

    /// <summary>E.164, e.g. +27821234567.</summary>
    public string Msisdn { get; set; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string Source { get; set; } = "";

    public Province Province { get; set; }
    public string? DistrictCode { get; set; }
    public District? District { get; set; }
    public string? City { get; set; }

    /// <summary>Parsed from the ISO 6709 <c>location</c> the user shared.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Parsed from the ISO 6709 <c>city_location</c> of the city the user named.</summary>
    public double? CityLatitude { get; set; }
    public double? CityLongitude { get; set; }

    public AgeBand Age { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public Gender? Gender { get; set; }
    public PlaceOfWork? PlaceOfWork { get; set; }

    public bool Fever { get; set; }
    public bool Cough { get; set; }
    public bool SoreThroat { get; set; }
    public bool? DifficultyBreathing { get; set; }
    public bool? MusclePain { get; set; }
    public bool? Smell { get; set; }

    public Answer Exposure { get; set; }
    public Answer? PreexistingCondition { get; set; }
    public bool? ConfirmedContact { get; set; }
    /// <summary>May the department contact the user.</summary>
    public bool Tracing { get; set; }

    public int? RoomsInHousehold { get; set; }
    public int? PersonsInHousehold { get; set; }

    public Risk Risk { get; set; }

    public DateTimeOffset CompletedTimestamp { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>Extra answers the flow collected, kept verbatim.</summary>
    public string? Data { get; set; }

    /// <summary>
    /// The id of the transaction that last wrote the row (PostgreSQL sets it, on insert and update). The API's change feed
    /// orders by it: once every transaction below a snapshot's xmin has ended, no row can ever appear below it (README, "API").
    /// </summary>
    public ulong ChangeXid { get; set; }

    /// <summary>PostgreSQL's xmin: the optimistic concurrency token of record edits.</summary>
    public uint Version { get; set; }

    public RiskInputs RiskInputs =>
        new(Fever, Cough, SoreThroat, DifficultyBreathing, MusclePain, Smell, Exposure, Age, ConfirmedContact);

    /// <summary>
    /// The six symptom answers as bits, in the flow's order (1 fever, 2 cough, 4 sore throat, 8 difficulty breathing,
    /// 16 muscle pain, 32 smell): <paramref name="present"/> the ones answered yes, <paramref name="asked"/> the ones the
    /// flow asked (a later symptom not asked is null; the first three were always asked).
    /// </summary>
    public void SetSymptoms(int present, int asked)
    {
        bool? Answer(int bit) => (asked & bit) != 0 ? (present & bit) != 0 : null;
        Fever = (present & 1) != 0;
        Cough = (present & 2) != 0;
        SoreThroat = (present & 4) != 0;
        DifficultyBreathing = Answer(8);
        MusclePain = Answer(16);
        Smell = Answer(32);
    }
}
