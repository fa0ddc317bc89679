using Admin.Data.Bulk;
using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Tests.Bulk;
using Admin.Data.Validation;

namespace Admin.Data.Tests.Validation;

/// <summary>The demo data is what the service wrote, so the rules must accept all of it and give back the same rows.</summary>
public class GeneratedRowsTests
{
    [Fact]
    public void Every_generated_row_passes_the_rules_and_maps_back_to_itself()
    {
        var validator = new HealthCheckValidator(TimeProvider.System);
        var rows = new HealthCheckGenerator(42, 20_000).Generate().ToList();
        Assert.Contains(rows, r => r.Risk == Risk.Critical); // the launch weeks are in the sample
        foreach (var row in rows)
        {
            var result = validator.Validate(row.ToInput());
            Assert.True(result.IsValid, $"{row.Id}: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            var copy = result.Value!.ApplyTo(new HealthCheck { Id = row.Id });
            RowAssert.Equal(row, copy);
        }
    }
}
