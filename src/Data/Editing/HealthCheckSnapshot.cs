using System.Text.Json;
using System.Text.Json.Nodes;
using Admin.Data.Entities;

namespace Admin.Data.Editing;

/// <summary>
/// A HealthCheck's editable fields as JSON values, keyed by column name (<see cref="HealthCheckColumns"/>, which also says how each is written as JSON): what an edit's
/// audit entry records before and after, and how two versions are compared (data by JSON value, not by spelling).
/// </summary>
public static class HealthCheckSnapshot
{
    public static IReadOnlyDictionary<string, JsonNode?> Of(HealthCheck c) => HealthCheckColumns.Table.Snapshot(c);

    /// <summary>The fields whose values differ, in field order.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, JsonNode?> before, IReadOnlyDictionary<string, JsonNode?> after) =>
        before.Keys.Where(k => !JsonNode.DeepEquals(before[k], after[k])).ToList();

    /// <summary><c>{"before": {changed fields}, "after": {same fields}}</c>: the Detail of an edit's audit entry.</summary>
    public static string AuditDetail(IReadOnlyDictionary<string, JsonNode?> before, IReadOnlyDictionary<string, JsonNode?> after, IReadOnlyList<string> changed)
    {
        var b = new JsonObject();
        var a = new JsonObject();
        foreach (var field in changed)
        {
            b[field] = before[field]?.DeepClone();
            a[field] = after[field]?.DeepClone();
        }
        return new JsonObject { ["before"] = b, ["after"] = a }.ToJsonString(Options);
    }

    // Keeps non-ASCII names readable in the trail (jsonb stores the characters either way).
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
