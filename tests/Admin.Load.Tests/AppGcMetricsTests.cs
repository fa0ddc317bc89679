using System.Net;
using System.Text;
using Admin.Load.Running;

namespace Admin.Load.Tests;

public class AppGcMetricsTests
{
    // As the app's endpoint serves them (OpenTelemetry's Prometheus exporter over .NET's runtime metrics).
    private static string Exposition(double pause, int gen0, int gen1, int gen2) => $$"""
        # TYPE dotnet_gc_collections_total counter
        # HELP dotnet_gc_collections_total The number of garbage collections that have occurred since the process has started.
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} {{gen2}}
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen1"} {{gen1}}
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} {{gen0}}
        dotnet_gc_heap_total_allocated_bytes_total{otel_scope_name="System.Runtime"} 37249982632
        # TYPE dotnet_gc_pause_time_seconds_total counter
        dotnet_gc_pause_time_seconds_total{otel_scope_name="System.Runtime"} {{pause.ToString(System.Globalization.CultureInfo.InvariantCulture)}}
        """;

    [Fact]
    public void Reads_the_pause_and_the_collections_by_generation()
    {
        Assert.Equal(new AppGcReading(37.355433, 214, 69, 30), AppGcMetrics.Parse(Exposition(37.355433, 214, 69, 30)));
    }

    [Fact]
    public void An_endpoint_without_the_gcs_pause_is_refused()
    {
        var ex = Assert.Throws<FormatException>(() => AppGcMetrics.Parse("# nothing\nhttp_server_active_requests 3\n"));
        Assert.Contains("dotnet_gc_pause_time_seconds_total", ex.Message);
    }

    [Fact]
    public async Task Samples_give_the_pause_since_the_last_and_the_run_its_differences()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var readings = new Queue<string>([Exposition(1.5, 10, 2, 1), "garbage", Exposition(1.75, 13, 2, 1), Exposition(2.0, 20, 3, 1)]);
        var serving = Task.Run(async () =>
        {
            while (readings.Count > 0)
            {
                var context = await listener.GetContextAsync();
                var body = Encoding.UTF8.GetBytes(readings.Dequeue());
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        using var metrics = new AppGcMetrics(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Null(await metrics.SampleAsync(CancellationToken.None)); // the first reading is the baseline
        Assert.Null(await metrics.SampleAsync(CancellationToken.None)); // unreadable: skipped, not an error
        Assert.Equal(250, (await metrics.SampleAsync(CancellationToken.None))!.Value, 6);
        Assert.Equal(250, (await metrics.SampleAsync(CancellationToken.None))!.Value, 6);
        await serving;

        Assert.Equal(new AppGcFigures(10, 1, 0, 0.5, 5.0), metrics.Figures(10));
    }

    [Fact]
    public async Task An_endpoint_nobody_answers_gives_no_reading_and_no_figures()
    {
        using var metrics = new AppGcMetrics(new Uri($"http://127.0.0.1:{FreePort()}/metrics"));
        Assert.Null(await metrics.SampleAsync(CancellationToken.None));
        Assert.Null(metrics.Figures(10));
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
