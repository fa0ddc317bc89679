using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Admin.Load.Circuits;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it starts a circuit: the interactive server components'
/// start markers (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>, ordered by "sequence") and the persisted component
/// state, if any (<c>&lt;!--Blazor-Server-Component-State:...--&gt;</c>).
/// </summary>
public sealed partial record PageMarkers(IReadOnlyList<JsonObject> Components, string ApplicationState)
{
    public static PageMarkers Parse(string html)
    {
        var components = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value) as JsonObject)
            .Where(o => o?["type"]?.GetValue<string>() == "server")
            .Select(o => o!)
            .OrderBy(o => o["sequence"]?.GetValue<int>() ?? 0)
            .ToList();
        var state = State().Match(html);
        return new PageMarkers(components, state.Success ? state.Groups[1].Value : "");
    }

    /// <summary>The UpdateRootComponents payload that adds every marker, numbered from 1 like the browser does.</summary>
    public string AddOperations(int batchId)
    {
        var operations = new JsonArray();
        for (var i = 0; i < Components.Count; i++)
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = Components[i].DeepClone() });
        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();
}
