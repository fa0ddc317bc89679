using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Admin.Observability;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Observability;

/// <summary>
/// A real Prometheus (Debian's package, installed by ./admin.sh test) scrapes the app's metrics endpoint: the target is
/// up and the app's series are in its database.
/// </summary>
public sealed class PrometheusScrapeTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Prometheus_scrapes_the_metrics_port_and_stores_the_apps_series()
    {
        var binary = FindOnPath("prometheus")
            ?? throw new InvalidOperationException("prometheus is not installed: ./admin.sh test installs Debian's package (apt-get install prometheus) when run as root.");

        await using var factory = new AdminAppFactory(_db.ConnectionString, settings: new Dictionary<string, string?> { ["Metrics:Port"] = "0" });
        using var client = factory.CreateClient();
        Assert.True((await client.GetAsync("/healthz/live")).IsSuccessStatusCode); // the app is up, and has served a request
        var target = factory.Services.GetRequiredService<MetricsServer>().Address!;

        var dir = Directory.CreateTempSubdirectory("prometheus-").FullName;
        var port = FreePort();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "prometheus.yml"), $"""
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: admin
                    metrics_path: {target.AbsolutePath}
                    static_configs:
                      - targets: ['{target.Authority}']
                """);
            using var prometheus = Process.Start(new ProcessStartInfo(binary,
                [$"--config.file={dir}/prometheus.yml", $"--storage.tsdb.path={dir}/data", $"--web.listen-address=127.0.0.1:{port}"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            prometheus.ErrorDataReceived += (_, _) => { };
            prometheus.BeginErrorReadLine();
            prometheus.BeginOutputReadLine();
            try
            {
                using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
                var up = await PollAsync(api, "up{job=\"admin\"}", v => v == 1);
                Assert.Equal(1, up);
                // The app's own series arrived, with the instrumentation's: runtime (GC) and HTTP.
                Assert.True(await PollAsync(api, "count({job=\"admin\",__name__=~\"dotnet_gc_.*\"})", v => v > 0) > 0);
                Assert.True(await PollAsync(api, "count(http_server_request_duration_seconds_count{job=\"admin\"})", v => v > 0) > 0);
            }
            finally
            {
                prometheus.Kill(entireProcessTree: true);
                await prometheus.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The query's first value once <paramref name="until"/> holds (Prometheus needs a scrape or two), else the last seen.</summary>
    private static async Task<double> PollAsync(HttpClient api, string query, Func<double, bool> until)
    {
        var last = double.NaN;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var json = JsonDocument.Parse(await api.GetStringAsync("api/v1/query?query=" + Uri.EscapeDataString(query)));
                var result = json.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() > 0)
                {
                    last = double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                    if (until(last)) return last;
                }
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }
            await Task.Delay(500);
        }
        return last;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
