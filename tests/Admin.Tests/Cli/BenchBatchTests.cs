using System.Text.Json;
using Admin.Api.HealthChecks;
using Admin.Cli.Bench;
using Admin.Data.Validation;

namespace Admin.Tests.Cli;

/// <summary>The bench's API batch is what a real client would post: every record passes the API's validation.</summary>
public sealed class BenchBatchTests
{
    [Fact]
    public void Every_record_of_a_bench_batch_is_valid_when_moved_to_today()
    {
        // Generated checks from before May 2020 were classified by the points rules; moved to today the symptom rules
        // apply, so a batch that kept the old risk had 47 of 10,000 records refused.
        var records = JsonSerializer.Deserialize<HealthCheckRequest[]>(ApiScenarios.BatchBody("bench-test-", 10_000))!;
        var validator = new HealthCheckValidator(TimeProvider.System);

        var refused = records.Select(r => validator.Validate(r.ToInput())).Where(v => !v.IsValid).ToList();

        Assert.Equal(10_000, records.Length);
        Assert.Empty(refused.SelectMany(v => v.Errors.SelectMany(e => e.Value)).Take(3));
    }
}
