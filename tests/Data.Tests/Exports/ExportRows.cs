using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Testing;

namespace Admin.Data.Tests.Exports;

/// <summary>
/// HealthChecks whose text fields hold everything that breaks naive CSV and JSON writers: commas, quotes, newlines,
/// backslashes next to quotes (the COPY text format trap), COPY's own markers, empty strings beside NULLs, unicode.
/// </summary>
public static class ExportRows
{
    public static readonly string?[] AwkwardNames =
    [
        "O'Brien, Jr.",
        "Say \"hi\"",
        "Line one\nline two",
        "Carriage\r\nreturn",
        "back\\slash",
        "Jo\\\"e",
        "\\.",
        "\\N",
        "",
        null,
        "Zoë Ñandú 山田 🙂",
        "  padded  ",
        "tab\there",
        "=HYPERLINK(\"x\")",
        "Thandiwe",
        "Nomvula",
    ];

    /// <summary>Inserts one row per awkward name (as first and last name) plus <paramref name="plain"/> ordinary rows; returns them all.</summary>
    public static async Task<IReadOnlyList<HealthCheck>> InsertAsync(TestDatabase database, int plain = 20)
    {
        var rows = new List<HealthCheck>();
        for (var i = 0; i < AwkwardNames.Length + plain; i++)
        {
            var row = HealthCheckRows.Create(i + 1);
            var name = i < AwkwardNames.Length ? AwkwardNames[i] : $"Person{i}";
            row.FirstName = name;
            row.LastName = name is null ? null : name + " Surname";
            row.Province = i % 3 == 0 ? Province.WesternCape : Province.Gauteng;
            row.DistrictCode = row.Province == Province.WesternCape ? "CPT" : "JHB";
            row.City = i % 2 == 0 ? "Cape Town, \"City\"" : null;
            row.Latitude = i % 2 == 0 ? -33.924868 + i / 1000.0 : null;
            row.Longitude = i % 2 == 0 ? 18.424055 : null;
            row.DateOfBirth = i % 4 == 0 ? new DateOnly(1980, 1, 1).AddDays(i * 37) : null;
            row.Fever = i % 2 == 0;
            row.DifficultyBreathing = i % 3 == 0 ? null : i % 3 == 1;
            row.RoomsInHousehold = i % 5 == 0 ? null : i;
            row.Risk = i % 2 == 0 ? Risk.High : Risk.Low;
            row.Data = i % 3 == 0 ? """{"note": "Jo\\\"e says \"hi\"\nbye, \\\\ end", "n": 1.5, "nested": {"a": [1, "x,y"], "b": null}}""" : null;
            row.Timestamp = row.Timestamp.AddTicks(i * 7); // sub-millisecond precision must survive
            rows.Add(row);
        }
        // Two rows share a timestamp: the export must break the tie on id, as the grid does.
        rows[^1].Timestamp = rows[^2].Timestamp;
        await using (var db = database.CreateDbContext())
        {
            db.HealthChecks.AddRange(rows);
            await db.SaveChangesAsync();
        }
        await database.ExecuteAsync("ANALYZE health_checks");
        return rows;
    }
}
