using Admin.Data.Columns;
using Admin.Data.Domain;
using Admin.Data.Persistence.Configurations;
using static Admin.Data.Columns.ColumnTypes;

namespace Admin.Data.Entities;

/// <summary>
/// The health_checks table, one line a column: the name (the property in snake_case: the column, the API field, the
/// COPY column and the validation error key), its storage (PostgreSQL type and conversions, codes for closed sets), a
/// label for pages. The COPY writer, INSERT, the feed's row reader, the edit's copy and audit snapshot and the API's
/// projections derive from this list (README, "Adding a field"); EF's mapping is checked against it by a test.
/// </summary>
public static class HealthCheckColumns
{
    private static readonly ColumnTable<HealthCheck>.Builder B = new(HealthCheckConfiguration.Table);

    public static readonly Column<HealthCheck, Guid> Id = B.Add(x => x.Id, Uuid, "Record id", ColumnWriter.Key);
    public static readonly Column<HealthCheck, string?> DeduplicationId = B.Add(x => x.DeduplicationId, Varchar, "Deduplication id");
    public static readonly Column<HealthCheck, string?> Msisdn = B.Add(x => x.Msisdn, Varchar, "Phone number");
    public static readonly Column<HealthCheck, string?> FirstName = B.Add(x => x.FirstName, RepeatedVarchar, "First name");
    public static readonly Column<HealthCheck, string?> LastName = B.Add(x => x.LastName, RepeatedVarchar, "Last name");
    public static readonly Column<HealthCheck, string?> Source = B.Add(x => x.Source, RepeatedVarchar, "Source");
    public static readonly Column<HealthCheck, Province> Province = B.Add(x => x.Province, Code<Province>(), "Province");
    public static readonly Column<HealthCheck, string?> DistrictCode = B.Add(x => x.DistrictCode, RepeatedVarchar, "District");
    public static readonly Column<HealthCheck, string?> City = B.Add(x => x.City, RepeatedVarchar, "City");
    public static readonly Column<HealthCheck, double?> Latitude = B.Add(x => x.Latitude, Float8.OrNull, "Latitude");
    public static readonly Column<HealthCheck, double?> Longitude = B.Add(x => x.Longitude, Float8.OrNull, "Longitude");
    public static readonly Column<HealthCheck, double?> CityLatitude = B.Add(x => x.CityLatitude, Float8.OrNull, "City latitude");
    public static readonly Column<HealthCheck, double?> CityLongitude = B.Add(x => x.CityLongitude, Float8.OrNull, "City longitude");
    public static readonly Column<HealthCheck, AgeBand> Age = B.Add(x => x.Age, Code<AgeBand>(), "Age");
    public static readonly Column<HealthCheck, DateOnly?> DateOfBirth = B.Add(x => x.DateOfBirth, Date.OrNull, "Date of birth");
    public static readonly Column<HealthCheck, Gender?> Gender = B.Add(x => x.Gender, Code<Gender>().OrNull, "Gender");
    public static readonly Column<HealthCheck, PlaceOfWork?> PlaceOfWork = B.Add(x => x.PlaceOfWork, Code<PlaceOfWork>().OrNull, "Place of work");
    public static readonly Column<HealthCheck, bool> Fever = B.Add(x => x.Fever, Bool, "Fever");
    public static readonly Column<HealthCheck, bool> Cough = B.Add(x => x.Cough, Bool, "Cough");
    public static readonly Column<HealthCheck, bool> SoreThroat = B.Add(x => x.SoreThroat, Bool, "Sore throat");
    public static readonly Column<HealthCheck, bool?> DifficultyBreathing = B.Add(x => x.DifficultyBreathing, Bool.OrNull, "Difficulty breathing");
    public static readonly Column<HealthCheck, bool?> MusclePain = B.Add(x => x.MusclePain, Bool.OrNull, "Muscle pain");
    public static readonly Column<HealthCheck, bool?> Smell = B.Add(x => x.Smell, Bool.OrNull, "Loss of smell");
    public static readonly Column<HealthCheck, Answer> Exposure = B.Add(x => x.Exposure, Code<Answer>(), "Exposure");
    public static readonly Column<HealthCheck, Answer?> PreexistingCondition = B.Add(x => x.PreexistingCondition, Code<Answer>().OrNull, "Pre-existing condition");
    public static readonly Column<HealthCheck, bool?> ConfirmedContact = B.Add(x => x.ConfirmedContact, Bool.OrNull, "Confirmed contact");
    public static readonly Column<HealthCheck, bool> Tracing = B.Add(x => x.Tracing, Bool, "May be contacted (tracing)");
    public static readonly Column<HealthCheck, int?> RoomsInHousehold = B.Add(x => x.RoomsInHousehold, Integer.OrNull, "Rooms in household");
    public static readonly Column<HealthCheck, int?> PersonsInHousehold = B.Add(x => x.PersonsInHousehold, Integer.OrNull, "Persons in household");
    public static readonly Column<HealthCheck, Risk> Risk = B.Add(x => x.Risk, Code<Risk>(), "Risk", ColumnWriter.Computed);
    public static readonly Column<HealthCheck, DateTimeOffset> CompletedTimestamp = B.Add(x => x.CompletedTimestamp, TimestampTz, "Completed (UTC)");
    public static readonly Column<HealthCheck, DateTimeOffset> Timestamp = B.Add(x => x.Timestamp, TimestampTz, "Time (UTC)");
    public static readonly Column<HealthCheck, string?> CreatedBy = B.Add(x => x.CreatedBy, RepeatedVarchar, "Created by");
    public static readonly Column<HealthCheck, string?> Data = B.Add(x => x.Data, Jsonb, "Data");
    public static readonly Column<HealthCheck, ulong> ChangeXid = B.Add(x => x.ChangeXid, Xid8, "Change xid", ColumnWriter.Database);
    public static readonly Column<HealthCheck, uint> Version = B.Add(x => x.Version, Xid, "Version", ColumnWriter.Database, name: "xmin");

    /// <summary>ISO 6709 text: the service's form of latitude/longitude, taken on input and given by the API, not stored.</summary>
    public const string Location = "location", CityLocation = "city_location";

    public static readonly ColumnTable<HealthCheck> Table = B.Build();
}
