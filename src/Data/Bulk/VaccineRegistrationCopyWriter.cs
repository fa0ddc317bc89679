using Admin.Data.Domain;
using Admin.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Bulk;

/// <summary>One VaccineRegistration as a binary COPY row (as <see cref="Columns.ColumnTable{TEntity}"/> derives for HealthChecks); <c>id</c> is left to the identity column.</summary>
internal static class VaccineRegistrationCopyWriter
{
    public static readonly string[] Columns = ["gender", "first_name", "surname", "date_of_birth", "mobile_number", "province", "created_at"];

    public static void Write(NpgsqlBinaryImporter w, VaccineRegistration r)
    {
        w.StartRow();
        w.Write(EnumCodes<VaccineGender>.Of(r.Gender), NpgsqlDbType.Varchar);
        w.Write(r.FirstName, NpgsqlDbType.Varchar);
        w.Write(r.Surname, NpgsqlDbType.Varchar);
        w.Write(r.DateOfBirth, NpgsqlDbType.Date);
        w.Write(r.MobileNumber, NpgsqlDbType.Varchar);
        w.Write(EnumCodes<Province>.Of(r.Province), NpgsqlDbType.Varchar);
        w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
    }

    /// <summary>The same row as <see cref="Write"/>, in PostgreSQL's binary COPY format.</summary>
    public static void Encode(CopyBuffer b, VaccineRegistration r)
    {
        b.Reserve(200 + 3 * (r.FirstName.Length + r.Surname.Length + r.MobileNumber.Length + 16));
        b.StartRow(7);
        b.Text(EnumCodes<VaccineGender>.Of(r.Gender));
        b.Text(r.FirstName);
        b.Text(r.Surname);
        b.Date(r.DateOfBirth);
        b.Text(r.MobileNumber);
        b.Text(EnumCodes<Province>.Of(r.Province));
        b.TimestampTz(r.CreatedAt);
    }
}
