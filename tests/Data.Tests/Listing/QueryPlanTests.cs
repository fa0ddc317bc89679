using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Testing;
using Npgsql;

namespace Admin.Data.Tests.Listing;

/// <summary>Each offered filter and search is answered by the index meant for it (EXPLAIN of the exact SQL the grid sends).</summary>
public class QueryPlanTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await SqlSeed.HealthChecksAsync(_db, 20_000);
        // A rare value: the case where walking the ordering index and filtering would read the whole index (NOTES §4).
        await _db.ExecuteAsync("UPDATE health_checks SET province = 'ZA-NC', district_code = 'DC5', risk = 'critical' WHERE deduplication_id IN ('seed-10', 'seed-500', 'seed-9000')");
        // Two common values whose combination is rare: only a composite serves both the predicate and the order.
        await _db.ExecuteAsync("UPDATE health_checks SET risk = 'moderate' WHERE province = 'ZA-WC' AND risk = 'high' AND deduplication_id NOT IN ('seed-14', 'seed-3002')");
        await _db.ExecuteAsync("ANALYZE health_checks");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<string> PlanAsync(WindowRequest request, params (string, string?)[] ps)
    {
        var q = HealthCheckQueries.Parse(ps);
        var parameters = new SqlParameters();
        var sql = WindowSql.Build(q, request, parameters);
        Assert.DoesNotContain("OFFSET", sql, StringComparison.OrdinalIgnoreCase);
        await using var cmd = _db.DataSource.CreateCommand("EXPLAIN " + sql);
        cmd.Parameters.AddRange(parameters.Clone());
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    /// <summary>The number index gives number order; only each number's few checks are sorted (HealthCheckList's "phone" ordering).</summary>
    private static void AssertSortsOnlyWithinNumbers(string plan)
    {
        Assert.Contains("Incremental Sort", plan);
        Assert.Matches(@"Presorted Key: (health_checks\.)?msisdn\b", plan);
        Assert.DoesNotMatch(@"(?m)(^|->)\s*Sort\s+\(", plan);
    }

    private static readonly string DeepCursor = KeysetCursor.Encode([new DateTimeOffset(2021, 1, 20, 0, 0, 0, TimeSpan.Zero), Guid.Empty]);

    [Theory]
    [InlineData("ix_health_checks_timestamp_id")]
    public async Task Unfiltered_pages_seek_the_ordering_index_at_any_depth(string index)
    {
        foreach (var request in new[] { WindowRequest.Start(100), WindowRequest.After(DeepCursor, 100), WindowRequest.Before(DeepCursor, 100), WindowRequest.End(100) })
        {
            var plan = await PlanAsync(request);
            Assert.Contains(index, plan);
            Assert.DoesNotContain("Sort", plan);
            Assert.DoesNotContain("Seq Scan", plan);
        }
    }

    [Theory]
    [InlineData("ix_health_checks_province_timestamp_id", "province", "ZA-NC", null, null)]
    [InlineData("ix_health_checks_province_risk_timestamp_id", "province", "ZA-WC", "risk", "high")]
    [InlineData("ix_health_checks_district_timestamp_id", "district", "DC5", null, null)]
    [InlineData("ix_health_checks_district_risk_timestamp_id", "district", "CPT", "risk", "high")]
    [InlineData("ix_health_checks_risk_timestamp_id", "risk", "critical", null, null)]
    public async Task A_rare_filter_or_combination_is_served_by_its_composite_with_no_sort(string index, string n1, string v1, string? n2, string? v2)
    {
        var plan = await PlanAsync(WindowRequest.After(DeepCursor, 100), (n1, v1), (n2 ?? "unused", v2), ("from", "2021-01-05"));
        Assert.Contains(index, plan);
        Assert.DoesNotContain("Sort", plan);
    }

    [Theory]
    [InlineData("province", "ZA-GP")]
    [InlineData("source", "USSD")]
    [InlineData("district", "ETH")]
    // The values the risk and source indexes leave out (FilterDefinition.Common): read off the ordering index.
    [InlineData("risk", "low")]
    [InlineData("source", "WhatsApp")]
    public async Task A_common_filter_value_pages_from_an_index_with_no_sort(string name, string value)
    {
        // A value on a quarter of the rows may be read off the ordering index itself; either way, no sort, no scan.
        var plan = await PlanAsync(WindowRequest.After(DeepCursor, 100), (name, value));
        Assert.Contains("Index Scan", plan);
        Assert.DoesNotContain("Sort", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }

    [Theory]
    [InlineData("phone", "082 000 0123", "ix_health_checks_msisdn on")]
    [InlineData("phone-prefix", "082 0001", "ix_health_checks_msisdn on")]
    [InlineData("phone-contains", "0001234", "ix_health_checks_msisdn_windows")]
    [InlineData("phone-contains", "01234", "ix_health_checks_msisdn_windows")]
    [InlineData("phone-contains", "78312", "ix_health_checks_msisdn_windows")] // also the number btree: it may start in the country code
    [InlineData("deduplication-id", "seed-77", "ux_health_checks_deduplication_id")]
    [InlineData("id", "0190f4c2-6a8e-7b1c-9d2e-3f4a5b6c7d8e", "pk_health_checks")]
    public async Task Each_search_kind_uses_its_index(string kind, string text, string index)
    {
        var plan = await PlanAsync(WindowRequest.Start(100), ("q", text), ("in", kind));
        Assert.Contains(index, plan);
        Assert.DoesNotContain("Seq Scan", plan);
        if (kind == "phone-prefix") AssertSortsOnlyWithinNumbers(plan);
    }

    [Fact]
    public async Task Same_number_search_reads_the_record_by_key_then_its_number_s_checks_from_the_number_index()
    {
        var plan = await PlanAsync(WindowRequest.After(DeepCursor, 100), ("q", "0190f4c2-6a8e-7b1c-9d2e-3f4a5b6c7d8e"), ("in", HealthCheckList.SameNumberSearch));
        Assert.Contains("pk_health_checks", plan);
        Assert.Contains("ix_health_checks_msisdn on", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }

    [Fact]
    public async Task A_province_and_common_risk_pages_from_the_province_index_and_a_rare_risk_from_its_partial_index()
    {
        var common = await PlanAsync(WindowRequest.After(DeepCursor, 100), ("province", "ZA-GP"), ("risk", "low"));
        Assert.Contains("ix_health_checks_province_timestamp_id", common);
        Assert.DoesNotContain("Sort", common);
        var rare = await PlanAsync(WindowRequest.After(DeepCursor, 100), ("province", "ZA-GP"), ("risk", "critical"));
        Assert.Contains("ix_health_checks_province_risk_timestamp_id", rare);
        Assert.DoesNotContain("Sort", rare);
    }

    [Fact]
    public async Task A_number_ordered_window_after_a_cursor_without_the_number_seeks_the_number_index()
    {
        // The cursor leaves the number out; the window reads it back from the cursor's row by primary key.
        var cursor = KeysetCursor.Encode(["", new DateTimeOffset(2021, 1, 5, 0, 0, 0, TimeSpan.Zero), Guid.Empty]);
        var plan = await PlanAsync(WindowRequest.After(cursor, 100), ("q", "082 0001"), ("in", "phone-prefix"));
        Assert.Contains("pk_health_checks", plan);
        Assert.Contains("ix_health_checks_msisdn on", plan);
        AssertSortsOnlyWithinNumbers(plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }
}
