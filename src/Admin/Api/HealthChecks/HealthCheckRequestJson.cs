using System.Text.Json;
using System.Text.Json.Nodes;
using Admin.Data.Entities;

namespace Admin.Api.HealthChecks;

/// <summary>
/// A stored HealthCheck as a client would post it: the fields of its <see cref="HealthCheckRecord"/> that
/// <see cref="HealthCheckRequest"/> takes, nulls left out. The API's examples and the bench's batches are made from
/// generated checks this way, so no list of fields is written out a second time.
/// </summary>
public static class HealthCheckRequestJson
{
    private static readonly HashSet<string> Taken =
        JsonSerializerOptions.Default.GetTypeInfo(typeof(HealthCheckRequest)).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static JsonObject From(HealthCheck check)
    {
        var json = JsonSerializer.SerializeToNode(HealthCheckRecord.From(check))!.AsObject();
        foreach (var name in json.Where(p => p.Value is null || !Taken.Contains(p.Key)).Select(p => p.Key).ToList())
            json.Remove(name);
        return json;
    }
}
