using Admin.Data.Domain;
using Admin.Data.Entities;

namespace Admin.Testing;

/// <summary>Small, valid HealthCheck rows for tests that need a few real rows (the seeder is for volume).</summary>
public static class HealthCheckRows
{
    private static readonly DateTimeOffset Start = new(2021, 6, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Row number <paramref name="n"/>: unique keys, passes every CHECK constraint, one minute after row n-1.</summary>
    public static HealthCheck Create(int n)
    {
        var at = Start.AddMinutes(n);
        return new HealthCheck
        {
            Id = Guid.NewGuid(),
            DeduplicationId = $"test-{Guid.NewGuid():N}",
            Msisdn = $"+2782{n % 10_000_000:D7}",
            Source = "WhatsApp",
            Province = Province.Gauteng,
            Age = AgeBand.From18To40,
            Exposure = Answer.No,
            Risk = Risk.Low,
            CompletedTimestamp = at,
            Timestamp = at,
            CreatedBy = "tests",
        };
    }

    /// <summary>Inserts <paramref name="count"/> rows through EF Core, then ANALYZEs so planner statistics see them.</summary>
    public static async Task InsertHealthChecksAsync(this TestDatabase database, int count, bool analyze = true)
    {
        await using (var db = database.CreateDbContext())
        {
            db.HealthChecks.AddRange(Enumerable.Range(1, count).Select(Create));
            await db.SaveChangesAsync();
        }
        if (analyze)
            await database.ExecuteAsync("ANALYZE health_checks");
    }
}
