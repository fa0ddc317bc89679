using System.Text.Json.Serialization;
using Admin.Api.Feed;
using Admin.Api.HealthChecks;

namespace Admin.Api;

/// <summary>
/// Compile-time JSON metadata for the API's answers: a page of 1,000 records serialises without reflection (the
/// serialisation is most of a page's CPU time after the query).
/// </summary>
[JsonSerializable(typeof(FeedPageResponse))]
[JsonSerializable(typeof(HealthCheckRecord))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(HealthCheckRequest))]
[JsonSerializable(typeof(List<HealthCheckRequest?>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
