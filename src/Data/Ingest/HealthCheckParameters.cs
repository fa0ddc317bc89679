using Admin.Data.Bulk;
using Admin.Data.Domain;
using Admin.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Ingest;

/// <summary>One HealthCheck as the typed parameters of an INSERT, in <see cref="HealthCheckCopyWriter.Columns"/> order.</summary>
internal static class HealthCheckParameters
{
    public static NpgsqlParameter[] For(HealthCheck r) =>
    [
        P(r.Id, NpgsqlDbType.Uuid),
        P(r.DeduplicationId, NpgsqlDbType.Varchar),
        P(r.Msisdn, NpgsqlDbType.Varchar),
        P(r.FirstName, NpgsqlDbType.Varchar),
        P(r.LastName, NpgsqlDbType.Varchar),
        P(r.Source, NpgsqlDbType.Varchar),
        P(Codes<Province>.ToCode(r.Province), NpgsqlDbType.Varchar),
        P(r.DistrictCode, NpgsqlDbType.Varchar),
        P(r.City, NpgsqlDbType.Varchar),
        P(r.Latitude, NpgsqlDbType.Double),
        P(r.Longitude, NpgsqlDbType.Double),
        P(r.CityLatitude, NpgsqlDbType.Double),
        P(r.CityLongitude, NpgsqlDbType.Double),
        P(Codes<AgeBand>.ToCode(r.Age), NpgsqlDbType.Varchar),
        P(r.DateOfBirth, NpgsqlDbType.Date),
        P(r.Gender is { } g ? Codes<Gender>.ToCode(g) : null, NpgsqlDbType.Varchar),
        P(r.PlaceOfWork is { } w ? Codes<PlaceOfWork>.ToCode(w) : null, NpgsqlDbType.Varchar),
        P(r.Fever, NpgsqlDbType.Boolean),
        P(r.Cough, NpgsqlDbType.Boolean),
        P(r.SoreThroat, NpgsqlDbType.Boolean),
        P(r.DifficultyBreathing, NpgsqlDbType.Boolean),
        P(r.MusclePain, NpgsqlDbType.Boolean),
        P(r.Smell, NpgsqlDbType.Boolean),
        P(Codes<Answer>.ToCode(r.Exposure), NpgsqlDbType.Varchar),
        P(r.PreexistingCondition is { } p ? Codes<Answer>.ToCode(p) : null, NpgsqlDbType.Varchar),
        P(r.ConfirmedContact, NpgsqlDbType.Boolean),
        P(r.Tracing, NpgsqlDbType.Boolean),
        P(r.RoomsInHousehold, NpgsqlDbType.Integer),
        P(r.PersonsInHousehold, NpgsqlDbType.Integer),
        P(Codes<Risk>.ToCode(r.Risk), NpgsqlDbType.Varchar),
        P(r.CompletedTimestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz),
        P(r.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz),
        P(r.CreatedBy, NpgsqlDbType.Varchar),
        P(r.Data, NpgsqlDbType.Jsonb),
    ];

    private static NpgsqlParameter P(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
