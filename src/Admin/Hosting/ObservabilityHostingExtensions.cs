using Admin.Data.Observability;
using Admin.Observability;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Admin.Hosting;

/// <summary>
/// OpenTelemetry for the app: traces (HTTP, the app's interaction spans, Npgsql's statement spans as their children),
/// metrics (the app's meter, ASP.NET Core, the runtime's GC and heap, Npgsql's pool), OTLP when the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, Prometheus on a port of its own (<see cref="MetricsServer"/>); logs as JSON with
/// trace and span ids when Observability:JsonLogs is on; request logs for the API; the Performance page's capture.
/// </summary>
public static class ObservabilityHostingExtensions
{
    public const string ServiceName = "admin";

    /// <summary>The web host: everything, including the scrape endpoint and circuit counts.</summary>
    public static IHostApplicationBuilder AddAdminObservability(this IHostApplicationBuilder builder)
    {
        builder.AddAdminTelemetry(prometheus: true);
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitTelemetry>());
        builder.Services.AddSingleton<PerformanceQueries>();
        builder.Services.AddSingleton<PoolUsage>();
        builder.Services.AddHttpLogging(o =>
        {
            // Method, path, status and duration: no headers (API keys) and no bodies (personal data).
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }

    /// <summary>
    /// Spans, metrics and the Performance page's capture, for the web host and the CLI verbs alike (so `bench` measures
    /// the instrumented code paths; Observability:Enabled=false and Performance:Enabled=false measure without).
    /// </summary>
    public static IHostApplicationBuilder AddAdminTelemetry(this IHostApplicationBuilder builder, bool prometheus = false)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new();
        builder.Services.AddOptions<ObservabilityOptions>().Bind(builder.Configuration.GetSection(ObservabilityOptions.Section));
        builder.Services.AddOptions<PerformanceOptions>().Bind(builder.Configuration.GetSection(PerformanceOptions.Section));
        builder.Services.AddSingleton<InteractionLog>();
        builder.Services.AddHostedService<InteractionLogStarter>();

        if (options.JsonLogs)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true; // the trace and span ids travel as a scope
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        }
        if (!options.Enabled) return builder;

        AdminTelemetry.Initialize();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        telemetry.WithTracing(t =>
        {
            t.AddSource(AdminTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !IsNoise(c.Request.Path))
                .AddNpgsql();
            if (otlp) t.AddOtlpExporter();
        });
        telemetry.WithMetrics(m =>
        {
            m.AddMeter(AdminTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation();
            if (otlp) m.AddOtlpExporter();
            if (prometheus) m.AddPrometheusExporter();
        });
        if (prometheus) builder.Services.AddHostedService(sp => sp.GetRequiredService<MetricsServer>()).AddSingleton<MetricsServer>();
        return builder;
    }

    /// <summary>
    /// For hosts that are built but never started (the CLI verbs): creates what the hosted services would, the
    /// OpenTelemetry providers and the Performance capture, so `bench` measures the instrumented code paths.
    /// </summary>
    public static void StartTelemetry(this IServiceProvider services)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
        services.GetService<InteractionLog>();
    }

    /// <summary>Request logs for the API (method, path, status, duration), placed before the API's own middleware.</summary>
    public static WebApplication UseAdminRequestLogs(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseHttpLogging());
        return app;
    }

    // Probes and static files would drown the traces that matter.
    private static bool IsNoise(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/geo");

    /// <summary>Creates the log (and so starts its listener) with the host, not on the first visit to the page.</summary>
    private sealed class InteractionLogStarter(InteractionLog log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        private InteractionLog Log { get; } = log;
    }
}
