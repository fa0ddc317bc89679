using Admin.Data.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Testing.Hotspots;

/// <summary>Inserts constructed HealthChecks with binary COPY: tens of thousands in a second, exactly the rows a test describes.</summary>
public static class CheckRows
{
    private const string Copy = """
        COPY health_checks (id, deduplication_id, msisdn, source, province, district_code, latitude, longitude, age,
                            fever, cough, sore_throat, exposure, tracing, risk, completed_timestamp, "timestamp", created_by)
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task InsertAsync(NpgsqlDataSource dataSource, IEnumerable<CheckRow> rows, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await InsertAsync(conn, rows, ct);
    }

    /// <summary>On the caller's connection, inside whatever transaction it has open.</summary>
    public static async Task InsertAsync(NpgsqlConnection conn, IEnumerable<CheckRow> rows, CancellationToken ct = default)
    {
        await using var writer = await conn.BeginBinaryImportAsync(Copy, ct);
        var n = 0;
        foreach (var row in rows)
        {
            var id = Guid.NewGuid();
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(id.ToString("N"), NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync($"+2782{n++ % 10_000_000:0000000}", NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(row.Source, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(Codes<Province>.ToCode(row.Province), NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(writer, row.District, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(writer, row.Latitude, NpgsqlDbType.Double, ct);
            await WriteNullableAsync(writer, row.Longitude, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(Codes<AgeBand>.ToCode(AgeBand.From18To40), NpgsqlDbType.Varchar, ct);
            var symptomatic = row.Risk is Risk.High or Risk.Critical;
            await writer.WriteAsync(symptomatic, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(symptomatic, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(symptomatic, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(Codes<Answer>.ToCode(Answer.No), NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(Codes<Risk>.ToCode(row.Risk), NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(row.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(row.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync("test", NpgsqlDbType.Varchar, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await writer.WriteNullAsync(ct);
        else await writer.WriteAsync(value, type, ct);
    }
}
