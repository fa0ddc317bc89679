using System.Diagnostics;
using Admin.Data.Observability;

namespace Admin.Observability;

/// <summary>
/// An endpoint filter for the API: each call is an interaction (its statements on the Performance page) and one
/// admin.api.request.duration measurement, by operation (the endpoint's name) and status code.
/// </summary>
public sealed class ApiTelemetry : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "unknown";
        InteractionContext.Role = "api";
        using var activity = AdminTelemetry.StartInteraction("api " + operation);
        var started = Stopwatch.GetTimestamp();
        object? result = null;
        try
        {
            result = await next(context);
            return result;
        }
        catch (Exception ex)
        {
            AdminTelemetry.Fail(activity, ex);
            throw;
        }
        finally
        {
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? http.Response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            AdminTelemetry.ApiDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new TagList { { "admin.api.operation", operation }, { "http.response.status_code", status } });
        }
    }
}
