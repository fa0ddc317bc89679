using System.Net;
using System.Text.Json;
using Admin.Testing;

namespace Admin.Tests.Hosting;

/// <summary>/healthz/ready tells the truth: stale rollups and a silent export worker degrade it, a slow database fails it.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(Dictionary<string, string?> settings, Func<JsonElement, bool>? until = null)
    {
        // The app's own refresher would write a fresh watermark; these tests set it themselves.
        settings.TryAdd("Hotspots:BackgroundRefresh", "false");
        await using var factory = new AdminAppFactory(_db.ConnectionString, settings: settings);
        using var client = factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await client.GetAsync("/healthz/ready");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            // The export worker polls right after start: wait for its first beat (or what the test waits for) before judging.
            var waiting = until is null
                ? body.GetProperty("checks").GetProperty("export-worker").GetProperty("description").GetString()!.Contains("not polled yet")
                : !until(body);
            if (waiting && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                continue;
            }
            return (response.StatusCode, body);
        }
    }

    private static string StatusOf(JsonElement body, string check) => body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;

    private Task SetRefreshedAtAsync(string ago) => _db.ExecuteAsync($"""
        INSERT INTO rollup_watermarks (name, high_water, refreshed_at) VALUES ('health_checks', now(), now() - interval '{ago}')
        ON CONFLICT (name) DO UPDATE SET refreshed_at = excluded.refreshed_at
        """);

    [Fact]
    public async Task Fresh_rollups_a_polling_worker_and_an_answering_database_are_healthy()
    {
        await SetRefreshedAtAsync("1 minute");
        var (status, body) = await ReadyAsync([]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", StatusOf(body, "database"));
        Assert.Equal("Healthy", StatusOf(body, "rollups"));
        Assert.Equal("Healthy", StatusOf(body, "export-worker"));
    }

    [Fact]
    public async Task Rollups_older_than_the_limit_degrade_the_node_but_it_still_serves()
    {
        await SetRefreshedAtAsync("2 hours");
        var (status, body) = await ReadyAsync(new() { ["Health:RollupMaxAge"] = "00:30:00" });
        Assert.Equal(HttpStatusCode.OK, status); // load balancers keep sending traffic
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", StatusOf(body, "rollups"));
        Assert.Contains("2 h ago", body.GetProperty("checks").GetProperty("rollups").GetProperty("description").GetString());
        Assert.Equal("Healthy", StatusOf(body, "database"));
    }

    [Fact]
    public async Task An_export_worker_that_stopped_polling_degrades_the_node()
    {
        await SetRefreshedAtAsync("1 minute");
        // It polls once at start, then waits an hour: silent for longer than the 1 s limit.
        var (status, body) = await ReadyAsync(
            new() { ["Exports:PollInterval"] = "01:00:00", ["Health:ExportWorkerMaxSilence"] = "00:00:01" },
            until: b => b.GetProperty("checks").GetProperty("export-worker").GetProperty("description").GetString()!.Contains("last polled"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", StatusOf(body, "export-worker"));
        Assert.Contains("last polled", body.GetProperty("checks").GetProperty("export-worker").GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_database_that_does_not_answer_in_time_is_unhealthy_with_503()
    {
        await SetRefreshedAtAsync("1 minute");
        var (status, body) = await ReadyAsync(new() { ["Health:DatabaseTimeout"] = "00:00:00.0000001" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", StatusOf(body, "database"));
    }
}
