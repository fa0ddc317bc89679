using Npgsql;

namespace Admin.Load.Journeys;

/// <summary>
/// The values journeys type: phone numbers to look up (sampled from the database when a connection string is given,
/// else generated South African numbers, which mostly find nothing — also a real lookup) and the date range to jump in.
/// </summary>
public sealed class JourneyData(IReadOnlyList<string> phones, DateTime first, DateTime last)
{
    public static readonly string[] Provinces = ["Gauteng", "KwaZulu-Natal", "Western Cape", "Eastern Cape", "Limpopo", "Mpumalanga", "North West", "Free State", "Northern Cape"];
    public static readonly string[] Risks = ["high", "moderate", "low"];

    public IReadOnlyList<string> Phones { get; } = phones;
    /// <summary>The oldest and the newest check's time (UTC), or a default span without a database.</summary>
    public DateTime First { get; } = first;
    public DateTime Last { get; } = last;

    public string Phone(Random r) => Phones.Count > 0 ? Phones[r.Next(Phones.Count)] : "+2782" + r.Next(0, 9_999_999).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A time to jump to, in the newer half of the data: the grid (newest first) then has rows at and before it however
    /// the server reads a typed time (its display zone may be up to 14 hours from UTC).
    /// </summary>
    public DateTime Instant(Random r) => First + (Last - First) * (0.5 + 0.4 * r.NextDouble());

    private static readonly DateTime DefaultFirst = new(2020, 4, 1, 0, 0, 0, DateTimeKind.Utc), DefaultLast = new(2022, 3, 31, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<JourneyData> LoadAsync(string? connectionString, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(connectionString)) return new JourneyData([], DefaultFirst, DefaultLast);
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        var phones = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT msisdn FROM health_checks TABLESAMPLE SYSTEM (0.1) LIMIT 200", db))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) phones.Add(reader.GetString(0));
        // The two ends of the ordering index: two index probes, not a scan.
        await using var range = new NpgsqlCommand(
            "SELECT (SELECT timestamp FROM health_checks ORDER BY timestamp LIMIT 1), (SELECT timestamp FROM health_checks ORDER BY timestamp DESC LIMIT 1)", db);
        await using var r = await range.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return r.IsDBNull(0)
            ? new JourneyData(phones, DefaultFirst, DefaultLast)
            : new JourneyData(phones, r.GetFieldValue<DateTimeOffset>(0).UtcDateTime, r.GetFieldValue<DateTimeOffset>(1).UtcDateTime);
    }
}
