using Microsoft.AspNetCore.Http.HttpResults;

namespace Admin.Api;

/// <summary>
/// The API's error answers: RFC 9457 problem details with a sentence a person can act on. Never a stack trace, SQL
/// text or an HTML page.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult BadRequest(string detail, string? parameter = null) =>
        Problem(StatusCodes.Status400BadRequest, "Bad request", detail,
            parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>A 400 whose <c>errors</c> map fields (for a batch "[3].msisdn") to messages, as ValidationProblemDetails does.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid", detail, new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>For middleware and handlers that answer before an endpoint runs.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted) return Task.CompletedTask;
        return Problem(status, title, detail).ExecuteAsync(context);
    }

    /// <summary>A title for a bare status code.</summary>
    public static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        413 => "Request body too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        _ => status >= 500 ? "Server error" : "Request failed",
    };
}
