using Npgsql;

namespace Admin.Load.Journeys;

/// <summary>
/// The values journeys type: phone numbers to look up (sampled from the database when a connection string is given,
/// else generated South African numbers, which mostly find nothing — also a real lookup) and the date range to jump in.
/// </summary>
public sealed class JourneyData(IReadOnlyList<string> phones, DateOnly first, DateOnly last)
{
    public static readonly string[] Provinces = ["Gauteng", "KwaZulu-Natal", "Western Cape", "Eastern Cape", "Limpopo", "Mpumalanga", "North West", "Free State", "Northern Cape"];
    public static readonly string[] Risks = ["high", "moderate", "low"];

    public IReadOnlyList<string> Phones { get; } = phones;
    public DateOnly First { get; } = first;
    public DateOnly Last { get; } = last;

    public string Phone(Random r) => Phones.Count > 0 ? Phones[r.Next(Phones.Count)] : "+2782" + r.Next(0, 9_999_999).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

    public DateTime Instant(Random r) =>
        First.ToDateTime(TimeOnly.MinValue).AddMinutes(r.NextDouble() * (Last.DayNumber - First.DayNumber + 1) * 24 * 60);

    public static async Task<JourneyData> LoadAsync(string? connectionString, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(connectionString)) return new JourneyData([], new DateOnly(2020, 4, 1), new DateOnly(2022, 3, 31));
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
            ? new JourneyData(phones, new DateOnly(2020, 4, 1), new DateOnly(2022, 3, 31))
            : new JourneyData(phones, DateOnly.FromDateTime(r.GetDateTime(0)), DateOnly.FromDateTime(r.GetDateTime(1)));
    }
}
