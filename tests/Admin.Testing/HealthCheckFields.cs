namespace Admin.Data.Validation;

/// <summary>
/// The field names the tests expect (the snake_case names of the service's API fields, NOTES §1), written out here,
/// apart from the product's column table (<c>HealthCheckColumns</c>), so that the tests check those names rather than
/// repeat them.
/// </summary>
public static class HealthCheckFields
{
    public const string Msisdn = "msisdn";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Source = "source";
    public const string Province = "province";
    public const string DistrictCode = "district_code";
    public const string City = "city";
    /// <summary>ISO 6709 text, the service's own form of <see cref="Latitude"/>/<see cref="Longitude"/>.</summary>
    public const string Location = "location";
    public const string CityLocation = "city_location";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string CityLatitude = "city_latitude";
    public const string CityLongitude = "city_longitude";
    public const string Age = "age";
    public const string DateOfBirth = "date_of_birth";
    public const string Gender = "gender";
    public const string PlaceOfWork = "place_of_work";
    public const string Fever = "fever";
    public const string Cough = "cough";
    public const string SoreThroat = "sore_throat";
    public const string DifficultyBreathing = "difficulty_breathing";
    public const string MusclePain = "muscle_pain";
    public const string Smell = "smell";
    public const string Exposure = "exposure";
    public const string PreexistingCondition = "preexisting_condition";
    public const string ConfirmedContact = "confirmed_contact";
    public const string Tracing = "tracing";
    public const string RoomsInHousehold = "rooms_in_household";
    public const string PersonsInHousehold = "persons_in_household";
    public const string CompletedTimestamp = "completed_timestamp";
    public const string Timestamp = "timestamp";
    public const string DeduplicationId = "deduplication_id";
    public const string CreatedBy = "created_by";
    public const string Data = "data";
    public const string Risk = "risk";
}
