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
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            ApiJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
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
            message = $"has the wrong type{where}: {Expected(field)}.";
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

    /// <summary>What a field's value should look like, from the wire type's property ("[3].fever" -> a bool).</summary>
    private static string Expected(string? field)
    {
        var name = field?[(field.LastIndexOf('.') + 1)..];
        var type = name is null ? null : WireTypes.GetValueOrDefault(name);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null when field is null or ['[', ..] => "expected the documented shape (a JSON object per record, in an array for a batch)",
            null => "expected the documented shape",
            _ when type == typeof(bool) => "expected true or false",
            _ when type == typeof(int) => "expected a whole number",
            _ when type == typeof(double) => "expected a number",
            _ when type == typeof(DateTimeOffset) => "expected an ISO 8601 date-time such as 2021-06-01T08:00:00Z",
            _ when type == typeof(DateOnly) => "expected a date such as 1990-05-01",
            _ when type == typeof(string) => "expected a string",
            _ => "expected the documented shape",
        };
    }

    private static readonly Dictionary<string, Type> WireTypes = typeof(HealthChecks.HealthCheckRequest).GetProperties()
        .Where(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false).Length > 0)
        .ToDictionary(
            p => ((System.Text.Json.Serialization.JsonPropertyNameAttribute)p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)[0]).Name,
            p => p.PropertyType,
            StringComparer.Ordinal);

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
