using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Admin.Api;

/// <summary>
/// Makes every /api answer machine-readable: turns off the app's HTML status-code pages for API paths, gives any bare
/// error status a problem-details body, and answers failures (an oversized body, an unreachable database, a bug) with
/// a problem and a trace id instead of the HTML error page or a stack trace.
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;

        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away: nobody to answer
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own refusals: body over the limit (413), truncated body, bad framing.
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, ex.StatusCode, ApiProblems.TitleOf(ex.StatusCode),
                ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than this endpoint accepts." : "The request could not be read.");
            return;
        }
        catch (Exception ex) when (Unavailable(ex) && !context.Response.HasStarted)
        {
            logger.LogError(ex, "API request {Path} could not reach the database in time", context.Request.Path);
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                $"The database could not answer in time. Try again shortly. Reference: {context.TraceIdentifier}");
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "API request {Path} failed", context.Request.Path);
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Server error",
                $"Something went wrong on our side; it has been logged. Reference: {context.TraceIdentifier}");
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentType is null)
            await ApiProblems.WriteAsync(context, context.Response.StatusCode, ApiProblems.TitleOf(context.Response.StatusCode), DetailOf(context));
    }

    // Unreachable, or a statement over its time limit: worth retrying. A database error proper is a 500 like any bug.
    // Failover and pooler states count as unreachable: a server shutting down (57P01/57P02), PgBouncer refusing while
    // its server login fails (08P01) or any other connection exception (class 08), and a write that reached a server
    // which is (still) a standby (25006) while a promotion is under way.
    private static bool Unavailable(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.ReadOnlySqlTransaction
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException or TimeoutException => true,
        _ => false,
    };

    private static string DetailOf(HttpContext context) => context.Response.StatusCode switch
    {
        404 => $"There is no API endpoint at {context.Request.Path}. The OpenAPI document at {ApiPaths.OpenApiDocument} lists them.",
        405 => $"{context.Request.Method} is not allowed here.",
        415 => "Send the body as JSON (Content-Type: application/json).",
        _ => ApiProblems.TitleOf(context.Response.StatusCode) + ".",
    };
}
