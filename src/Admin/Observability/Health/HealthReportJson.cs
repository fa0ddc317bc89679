using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Admin.Observability.Health;

/// <summary>The readiness body for operators: the overall status and each check's status, description and duration.</summary>
public static class HealthReportJson
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } d) json.WriteString("description", d);
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            foreach (var (key, value) in entry.Data)
            {
                if (value is double n) json.WriteNumber(key, n);
                else if (value is DateTimeOffset at) json.WriteString(key, at);
                else json.WriteString(key, value.ToString());
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
