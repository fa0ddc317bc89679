using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Admin.Api.HealthChecks;
using Admin.Data.Bulk;
using Admin.Api.Feed;
using Admin.Data.Domain;
using Admin.Data.Feed;
using Admin.Data.Reference;
using Npgsql;

namespace Admin.Cli.Bench;

/// <summary>
/// What data-lake clients do, as HTTP calls against <see cref="ApiBenchHost"/>: a page of 1,000 rows at the start,
/// middle and end of the change feed, with each filter, and a bulk POST of 10,000 records. A filtered page may hold
/// fewer rows (it stops after its scan budget): the scenario name says how many a sample call returned.
/// </summary>
public static class ApiScenarios
{
    private const int Page = 1000;
    private const int BatchSize = 10_000;

    public static async Task<IReadOnlyList<BenchScenario>> CreateAsync(ApiBenchHost host, IServiceProvider cli, CancellationToken ct)
    {
        // The CLI's pool (no statement timeout): the setup below walks millions of index entries once.
        var dataSource = cli.GetRequiredService<NpgsqlDataSource>();
        var codec = host.Services.GetRequiredService<FeedCursorCodec>();

        // Setup, not timed: positions at depth, a real phone number, the data's last day.
        var rows = await ScalarAsync<long>(dataSource, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'health_checks'::regclass", ct);
        var middle = await PositionAsync(dataSource, "ASC", rows / 2, ct);
        var end = await PositionAsync(dataSource, "DESC", Page, ct);
        var msisdn = await ScalarAsync<string>(dataSource, "SELECT msisdn FROM health_checks ORDER BY change_xid, id LIMIT 1", ct);
        var lastDay = await ScalarAsync<DateTime>(dataSource, "SELECT max(timestamp) FROM health_checks", ct);
        var since = new DateTimeOffset(lastDay.Date.AddDays(-30), TimeSpan.Zero);

        var list = new List<BenchScenario>();
        async Task AddAsync(string name, HealthCheckFeedFilter filter, string query, FeedPosition? at)
        {
            var url = $"/api/v1/healthchecks?page_size={Page}" + (query.Length > 0 ? "&" + query : "")
                      + (at is { } p ? "&cursor=" + codec.Encode(p, filter) : "");
            var sample = await CountRowsAsync(host.Client, url, ct);
            list.Add(new("api", $"{name} ({sample:N0} rows)", c => FetchAsync(host.Client, url, c)));
        }

        await AddAsync("page, start", HealthCheckFeedFilter.None, "", null);
        await AddAsync($"page, middle ({rows / 2 / 1_000_000.0:0.#}M deep)", HealthCheckFeedFilter.None, "", middle);
        await AddAsync("page, end", HealthCheckFeedFilter.None, "", end);
        var filters = new (string Name, HealthCheckFeedFilter Filter, string Query)[]
        {
            ("province ZA-NC", new() { Province = Province.NorthernCape }, "province=ZA-NC"),
            ("district DC5", new() { District = "DC5" }, "district=DC5"),
            ("risk critical", new() { Risk = Risk.Critical }, "risk=critical"),
            ($"since {since:yyyy-MM-dd}", new() { Since = since }, "since=" + since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("msisdn", new() { Msisdn = msisdn }, "msisdn=" + Uri.EscapeDataString(msisdn)),
        };
        foreach (var (name, filter, query) in filters)
        {
            await AddAsync($"{name}, start", filter, query, null);
            await AddAsync($"{name}, middle", filter, query, middle);
        }

        // The same pages below HTTP (feed query and row materialisation only), to tell database time from the rest.
        var feed = host.Services.GetRequiredService<HealthCheckFeed>();
        foreach (var (name, filter, at) in new (string, HealthCheckFeedFilter, FeedPosition?)[]
                 {
                     ("page, start", HealthCheckFeedFilter.None, null), ("page, middle", HealthCheckFeedFilter.None, middle),
                     ("page, end", HealthCheckFeedFilter.None, end), ("district DC5, middle", new() { District = "DC5" }, middle),
                 })
            list.Add(new("api", $"{name}: feed query only", c => feed.ReadAsync(new FeedRequest(filter, at, Page, 20_000), c)));

        var batch = 0;
        byte[] body = [];
        list.Add(new("api", $"bulk POST {BatchSize:N0} records", c => PostBatchAsync(host.Client, body, c))
        {
            Prepare = _ => { body = BatchBody(host.RunTag + (batch++).ToString(CultureInfo.InvariantCulture) + "-", BatchSize); return Task.CompletedTask; },
            MaxIterations = 10, // each run writes 10,000 rows (removed again when the bench ends)
        });
        return list;
    }

    private static async Task<int> CountRowsAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await FetchAsync(client, url, ct));
        return json.RootElement.GetProperty("results").GetArrayLength();
    }

    /// <summary>The whole answer, received but not parsed: the timing is the server's and the wire's, not a client's JSON parser.</summary>
    private static async Task<byte[]> FetchAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        return body;
    }

    private static async Task PostBatchAsync(HttpClient client, byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync("/api/v1/healthchecks/batch", content, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST batch: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>Generated checks as a client flushing a day of them posts them, each with its own deduplication id.</summary>
    internal static byte[] BatchBody(string tag, int count)
    {
        var random = new Random(count);
        var now = DateTimeOffset.UtcNow;
        var rows = new JsonArray();
        var i = 0;
        foreach (var check in new HealthCheckGenerator(seed: count, rows: count).Generate())
        {
            check.Timestamp = now.AddMinutes(-random.Next(1, 60 * 24));
            check.CompletedTimestamp = check.Timestamp.AddMinutes(2);
            // Risk follows the rules of the check's own time (points before May 2020, symptoms after): moved to today, recount it.
            check.Risk = Admin.Data.Domain.RiskRules.Classify(check.RiskInputs, check.Timestamp);
            check.DeduplicationId = tag + (i++).ToString(CultureInfo.InvariantCulture);
            rows.Add(HealthCheckRequestJson.From(check));
        }
        return JsonSerializer.SerializeToUtf8Bytes(rows);
    }

    // OFFSET here is setup, run once and not timed: it finds a position to start pages from.
    internal static async Task<FeedPosition> PositionAsync(NpgsqlDataSource ds, string direction, long offset, CancellationToken ct)
    {
        await using var cmd = ds.CreateCommand($"SELECT change_xid, id FROM health_checks ORDER BY change_xid {direction}, id {direction} OFFSET {offset} LIMIT 1");
        cmd.CommandTimeout = 600;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException("health_checks is empty: seed it first (Admin seed --rows N).");
        return new FeedPosition(r.GetFieldValue<ulong>(0), r.GetGuid(1));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource ds, string sql, CancellationToken ct)
    {
        await using var cmd = ds.CreateCommand(sql);
        cmd.CommandTimeout = 600;
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
