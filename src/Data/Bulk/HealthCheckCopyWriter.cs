using Admin.Data.Domain;
using Admin.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Bulk;

/// <summary>
/// One HealthCheck as a binary COPY row. Typed <c>Write&lt;T&gt;</c> with an explicit <see cref="NpgsqlDbType"/>
/// per column: no boxing, no per-value type inference. Enums go out as their stored codes.
/// </summary>
internal static class HealthCheckCopyWriter
{
    /// <summary>The migration's columns, in the order <see cref="Write"/> sends them.</summary>
    public static readonly string[] Columns =
    [
        "id", "deduplication_id", "msisdn", "first_name", "last_name", "source", "province", "district_code", "city",
        "latitude", "longitude", "city_latitude", "city_longitude", "age", "date_of_birth", "gender", "place_of_work",
        "fever", "cough", "sore_throat", "difficulty_breathing", "muscle_pain", "smell", "exposure", "preexisting_condition",
        "confirmed_contact", "tracing", "rooms_in_household", "persons_in_household", "risk", "completed_timestamp",
        "timestamp", "created_by", "data",
    ];

    public static void Write(NpgsqlBinaryImporter w, HealthCheck r)
    {
        w.StartRow();
        w.Write(r.Id, NpgsqlDbType.Uuid);
        w.Write(r.DeduplicationId, NpgsqlDbType.Varchar);
        w.Write(r.Msisdn, NpgsqlDbType.Varchar);
        CopyValues.Text(w, r.FirstName);
        CopyValues.Text(w, r.LastName);
        w.Write(r.Source, NpgsqlDbType.Varchar);
        w.Write(EnumCodes<Province>.Of(r.Province), NpgsqlDbType.Varchar);
        CopyValues.Text(w, r.DistrictCode);
        CopyValues.Text(w, r.City);
        CopyValues.Double(w, r.Latitude);
        CopyValues.Double(w, r.Longitude);
        CopyValues.Double(w, r.CityLatitude);
        CopyValues.Double(w, r.CityLongitude);
        w.Write(EnumCodes<AgeBand>.Of(r.Age), NpgsqlDbType.Varchar);
        if (r.DateOfBirth is { } dob) w.Write(dob, NpgsqlDbType.Date); else w.WriteNull();
        CopyValues.Code(w, r.Gender);
        CopyValues.Code(w, r.PlaceOfWork);
        w.Write(r.Fever, NpgsqlDbType.Boolean);
        w.Write(r.Cough, NpgsqlDbType.Boolean);
        w.Write(r.SoreThroat, NpgsqlDbType.Boolean);
        CopyValues.Bool(w, r.DifficultyBreathing);
        CopyValues.Bool(w, r.MusclePain);
        CopyValues.Bool(w, r.Smell);
        w.Write(EnumCodes<Answer>.Of(r.Exposure), NpgsqlDbType.Varchar);
        CopyValues.Code(w, r.PreexistingCondition);
        CopyValues.Bool(w, r.ConfirmedContact);
        w.Write(r.Tracing, NpgsqlDbType.Boolean);
        CopyValues.Int(w, r.RoomsInHousehold);
        CopyValues.Int(w, r.PersonsInHousehold);
        w.Write(EnumCodes<Risk>.Of(r.Risk), NpgsqlDbType.Varchar);
        w.Write(r.CompletedTimestamp, NpgsqlDbType.TimestampTz);
        w.Write(r.Timestamp, NpgsqlDbType.TimestampTz);
        w.Write(r.CreatedBy, NpgsqlDbType.Varchar);
        if (r.Data is { } data) w.Write(data, NpgsqlDbType.Jsonb); else w.WriteNull();
    }
}
