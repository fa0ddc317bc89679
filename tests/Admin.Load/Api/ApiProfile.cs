using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Admin.Load.Circuits;
using Admin.Load.Running;

namespace Admin.Load.Api;

/// <summary>
/// The data lake's side of the load, at the same time as the circuits: readers crawl the change feed page by page
/// (following "next" while has_more, then resuming from the stored cursor after a pause, as a poller does) and writers
/// post batches of new HealthChecks. Timed per request as api.feed-page and api.batch.
/// </summary>
public sealed class ApiProfile(Uri baseAddress, ActionStats stats, LoadOptions options)
{
    public async Task ReadAsync(string key, CancellationToken ct)
    {
        using var http = Client(key);
        var next = $"api/v1/healthchecks?page_size={options.ApiPageSize}";
        while (!ct.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(next, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode) { stats.Error("api.feed-page", FailureKind.UnhandledException, $"{(int)response.StatusCode}"); await Pause(ct); continue; }
                stats.Record("api.feed-page", clock.Elapsed);
                var page = JsonNode.Parse(body)!;
                var cursor = page["cursor"]!.GetValue<string>();
                next = page["has_more"]!.GetValue<bool>() && page["next"]?.GetValue<string>() is { } url
                    ? url.TrimStart('/')
                    : $"api/v1/healthchecks?page_size={options.ApiPageSize}&cursor={Uri.EscapeDataString(cursor)}";
                if (!page["has_more"]!.GetValue<bool>()) await Pause(ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                stats.Error("api.feed-page", FailureKind.Disconnect, ex.Message);
                await Pause(ct);
            }
        }
    }

    public async Task WriteAsync(string key, int writer, CancellationToken ct)
    {
        using var http = Client(key);
        var n = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = new JsonArray();
            for (var i = 0; i < options.ApiBatchSize; i++) batch.Add(Check($"load-{options.RunId}-{writer}-{n++}", n));
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.PostAsync("api/v1/healthchecks/batch", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"), ct);
                if (response.IsSuccessStatusCode) stats.Record("api.batch", clock.Elapsed);
                else stats.Error("api.batch", FailureKind.UnhandledException, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                stats.Error("api.batch", FailureKind.Disconnect, ex.Message);
            }
            await Pause(ct);
        }
    }

    private HttpClient Client(string key)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    private async Task Pause(CancellationToken ct)
    {
        var (min, max) = options.ThinkTime;
        try { await Task.Delay(min + (max - min) * Random.Shared.NextDouble(), ct); }
        catch (OperationCanceledException) { }
    }

    /// <summary>A valid check (one symptom, no exposure: moderate), like the WhatsApp service posts.</summary>
    private static JsonObject Check(string deduplicationId, int n)
    {
        var at = DateTime.UtcNow.AddMinutes(-1);
        return new JsonObject
        {
            ["deduplication_id"] = deduplicationId, ["msisdn"] = $"+2783{n % 10_000_000:D7}", ["source"] = "WhatsApp",
            ["province"] = "ZA-GP", ["district_code"] = "JHB", ["city"] = "Soweto", ["location"] = "-26.26000+027.86000/",
            ["age"] = "18-40", ["gender"] = "female", ["fever"] = false, ["cough"] = true, ["sore_throat"] = false,
            ["difficulty_breathing"] = false, ["muscle_pain"] = false, ["smell"] = false, ["exposure"] = "no",
            ["preexisting_condition"] = "no", ["tracing"] = true,
            ["timestamp"] = at.ToString("O"), ["completed_timestamp"] = at.AddSeconds(30).ToString("O"),
        };
    }
}
