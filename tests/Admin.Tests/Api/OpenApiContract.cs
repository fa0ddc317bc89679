using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Admin.Tests.Api;

/// <summary>
/// The app's own OpenAPI document as a contract: an answer to an operation it describes must have a declared status,
/// a declared media type, the declared headers, and a body the declared schema accepts. Schemas are checked by
/// JsonSchema.Net (OpenAPI 3.1 schemas are JSON Schema 2020-12), in process, with the document registered as the
/// base document its <c>$ref</c>s point into.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly Uri DocumentUri = new("https://admin.test/openapi/v1.json");
    private static readonly ConcurrentDictionary<string, Task<OpenApiContract>> Cache = new();
    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public JsonElement Document { get; }
    public string Text { get; }

    private OpenApiContract(string text)
    {
        Text = text;
        Document = JsonDocument.Parse(text).RootElement.Clone();
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(Document, DocumentUri));
        _build = new BuildOptions { SchemaRegistry = registry };
    }

    /// <summary>The document the app serves at /openapi/v1.json (the same for every factory of this build: made once).</summary>
    public static Task<OpenApiContract> OfAsync(WebApplicationFactory<Program> factory) =>
        Cache.GetOrAdd("v1", async _ =>
        {
            var provider = factory.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(Admin.Api.ApiOpenApi.DocumentName);
            var document = await provider.GetOpenApiDocumentAsync();
            using var stream = new MemoryStream();
            await document.SerializeAsJsonAsync(stream, OpenApiSpecVersion.OpenApi3_1);
            return new OpenApiContract(Encoding.UTF8.GetString(stream.ToArray()));
        });

    /// <summary>The operation object for a request path and method, or null when the document does not describe it.</summary>
    public (string Pointer, JsonElement Operation)? Operation(string method, string path)
    {
        foreach (var p in Document.GetProperty("paths").EnumerateObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$";
            if (!Regex.IsMatch(path, pattern)) continue;
            if (p.Value.TryGetProperty(method.ToLowerInvariant(), out var op))
                return ($"/paths/{Escape(p.Name)}/{method.ToLowerInvariant()}", op);
        }
        return null;
    }

    /// <summary>What is wrong with this answer to this request (empty when it keeps the contract).</summary>
    public List<string> Check(string method, string path, int status, string? mediaType, string body, Func<string, bool> hasHeader)
    {
        var problems = new List<string>();
        if (Operation(method, path) is not var (opPointer, op)) return problems;
        var where = $"{method} {path} -> {status}";
        var responses = op.GetProperty("responses");
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var declared = new[] { code, code[0] + "XX", "default" }.FirstOrDefault(k => responses.TryGetProperty(k, out _));
        if (declared is null)
        {
            problems.Add($"{where}: status {status} is not declared (declared: {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))})");
            return problems;
        }
        var response = responses.GetProperty(declared);
        var responsePointer = $"{opPointer}/responses/{Escape(declared)}";
        if (response.TryGetProperty("headers", out var headers))
            foreach (var h in headers.EnumerateObject())
                if (h.Value.TryGetProperty("required", out var req) && req.GetBoolean() && !hasHeader(h.Name))
                    problems.Add($"{where}: the declared header {h.Name} is missing");
        if (body.Length == 0) return problems;
        if (!response.TryGetProperty("content", out var content))
        {
            problems.Add($"{where}: a body was sent but the document declares none");
            return problems;
        }
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
        {
            problems.Add($"{where}: media type {mediaType} is not declared (declared: {string.Join(", ", content.EnumerateObject().Select(c => c.Name))})");
            return problems;
        }
        if (!media.TryGetProperty("schema", out _)) return problems;
        problems.AddRange(Validate($"{responsePointer}/content/{Escape(mediaType)}/schema", body).Select(e => $"{where}: {e}"));
        return problems;
    }

    /// <summary>Errors of a JSON text against the schema at this JSON pointer of the document.</summary>
    public IEnumerable<string> Validate(string schemaPointer, string json)
    {
        var schema = _schemas.GetOrAdd(schemaPointer, p =>
            JsonSchema.FromText($$"""{"$ref": "{{DocumentUri}}#{{string.Join('/', p.Split('/').Select(Uri.EscapeDataString))}}"}""", _build, new Uri($"https://admin.test/check/{_schemas.Count}/{Guid.NewGuid():N}")));
        using var instance = JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .DefaultIfEmpty("the body does not match the schema")
            .Take(10).ToList();
    }

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
}

/// <summary>
/// Checks every answer a test receives from /api against the OpenAPI document (<see cref="OpenApiContract"/>), so the
/// document and the API cannot drift apart: a mismatch fails the test that made the call.
/// </summary>
public sealed class OpenApiContractHandler(WebApplicationFactory<Program> factory) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return response;

        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var contract = await OpenApiContract.OfAsync(factory);
        var problems = contract.Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body,
            h => response.Headers.Contains(h) || response.Content.Headers.Contains(h));
        if (problems.Count > 0)
            throw new OpenApiContractException("The answer breaks the OpenAPI document:\n" + string.Join("\n", problems) + "\nBody: " + (body.Length > 2000 ? body[..2000] + "…" : body));
        return response;
    }
}

public sealed class OpenApiContractException(string message) : Exception(message);
