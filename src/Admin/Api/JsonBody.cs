using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace Admin.Api;

/// <summary>
/// Reads a JSON request body under a size limit, turning every way it can be wrong into a readable problem:
/// not JSON (415), too large (413, before reading when Content-Length says so, else as soon as the limit is passed),
/// malformed or mistyped (400 naming the field and what it should be). Never a 500, never a partial read.
/// </summary>
public static partial class JsonBody
{
    private static readonly JsonSerializerOptions Options = new()
    {
        MaxDepth = 32,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public sealed record Result<T>(T? Value, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem) where T : class;

    public static async Task<Result<T>> ReadAsync<T>(HttpContext context, long limit, CancellationToken ct) where T : class
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
            return Fail<T>(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as JSON with Content-Type: application/json.");
        if (request.ContentLength > limit)
            return TooLarge<T>(limit);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
            max.MaxRequestBodySize = limit; // the server enforces it too, for bodies sent without a length

        try
        {
            await using var body = new LimitedStream(request.Body, limit);
            var value = await JsonSerializer.DeserializeAsync<T>(body, Options, ct);
            return value is null
                ? Fail<T>(StatusCodes.Status400BadRequest, "Bad request", "The body is JSON null; send the record as a JSON value of the documented shape.")
                : new Result<T>(value, null);
        }
        catch (LimitedStream.LimitExceededException)
        {
            return TooLarge<T>(limit);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge<T>(limit);
        }
        catch (JsonException ex)
        {
            return new Result<T>(null, ReadError(ex));
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ReadError(JsonException ex)
    {
        var field = FieldOf(ex.Path);
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
        string message;
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
            message = $"'{Clip(UnmappedName(ex.Message) ?? field ?? "?")}' is not a field of a HealthCheck; the OpenAPI document lists the fields.";
        else if (ex.Message.Contains("could not be converted", StringComparison.Ordinal))
            message = $"has the wrong type{where}: {Expected(ex.Message)}.";
        else if (ex.Path is null or "$" && ex.BytePositionInLine is 0 or null && ex.LineNumber is 0 or null)
            message = "The body is empty or not JSON.";
        else
            message = $"The body is not valid JSON{where}.";

        if (field is null || message.StartsWith("The body", StringComparison.Ordinal))
            return ApiProblems.BadRequest(message);
        return ApiProblems.Invalid(new Dictionary<string, string[]> { [field] = [message] }, $"{field}: {message}");
    }

    /// <summary>"$[3].fever" -> "[3].fever"; "$.fever" -> "fever"; "$" -> null.</summary>
    private static string? FieldOf(string? path)
    {
        if (path is null or "$") return null;
        var f = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return f.Length == 0 ? null : Clip(f);
    }

    private static string Expected(string message)
    {
        if (message.Contains("Boolean", StringComparison.Ordinal)) return "expected true or false";
        if (message.Contains("Int32", StringComparison.Ordinal)) return "expected a whole number";
        if (message.Contains("Double", StringComparison.Ordinal)) return "expected a number";
        if (message.Contains("DateTimeOffset", StringComparison.Ordinal)) return "expected an ISO 8601 date-time such as 2021-06-01T08:00:00Z";
        if (message.Contains("DateOnly", StringComparison.Ordinal)) return "expected a date such as 1990-05-01";
        if (message.Contains("String", StringComparison.Ordinal)) return "expected a string";
        if (message.Contains("List", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal)) return "expected an array of records";
        return "expected an object of the documented shape";
    }

    [GeneratedRegex("The JSON property '(?<name>.*?)' could not be mapped")]
    private static partial Regex Unmapped();

    private static string? UnmappedName(string message) => Unmapped().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private static Result<T> TooLarge<T>(long limit) where T : class =>
        Fail<T>(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"The body is larger than this endpoint accepts ({limit / 1024:N0} KB). Send fewer records per request.");

    private static Result<T> Fail<T>(int status, string title, string detail) where T : class =>
        new(null, ApiProblems.Problem(status, title, detail));
}
