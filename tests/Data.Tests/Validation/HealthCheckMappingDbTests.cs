using Admin.Data.Tests.Bulk;
using Admin.Data.Validation;
using Admin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Tests.Validation;

/// <summary>A validated input written through EF Core to real PostgreSQL and read back: nothing lost, nothing refused.</summary>
public class HealthCheckMappingDbTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string> Awkward() =>
    [
        "Robert'); DROP TABLE health_checks;--",
        "😷 Zoë Ndlovu-O'Brien ‮",
        new string('ß', 255),
        string.Concat(Enumerable.Repeat("𝄞", 255)),
    ];

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task A_valid_input_is_stored_and_read_back_unchanged(string text)
    {
        var validator = ValidInputs.Validator();
        var input = ValidInputs.With(x =>
        {
            x.FirstName = x.LastName = x.City = x.CreatedBy = text;
            x.DeduplicationId = "db-" + Guid.NewGuid().ToString("N");
            x.Data = """{"note": "\u00e9\ud83d\ude37", "n": [1, 2.5e10], "deep": {"x": null}}""";
        });
        var valid = validator.Validate(input).Value ?? throw new Xunit.Sdk.XunitException("input should be valid");
        var entity = valid.ToNewEntity();

        await using (var write = _db.CreateDbContext())
        {
            write.HealthChecks.Add(entity);
            await write.SaveChangesAsync();
        }
        await using var read = _db.CreateDbContext();
        var stored = await read.HealthChecks.AsNoTracking().SingleAsync(h => h.Id == entity.Id);

        Assert.Equal(text, stored.FirstName);
        Assert.Equal(text, stored.City);
        Assert.Equal(entity.Timestamp, stored.Timestamp);

        // The stored row, turned back into an input, validates to the same values (jsonb reformats data, so compare it parsed).
        var again = validator.Validate(stored.ToInput()).Value!;
        var copy = again.ApplyTo(new Entities.HealthCheck { Id = stored.Id });
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(entity.Data!), System.Text.Json.Nodes.JsonNode.Parse(copy.Data!)));
        copy.Data = entity.Data;
        RowAssert.Equal(entity, copy);
    }
}
