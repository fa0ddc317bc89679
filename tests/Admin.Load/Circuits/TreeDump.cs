using System.Text;
using Admin.Load.Rendering;

namespace Admin.Load.Circuits;

/// <summary>An indented outline of a render tree, with event handlers: for writing journeys and for --trace.</summary>
public static class TreeDump
{
    public static string Of(IEnumerable<Node> roots, int maxText = 60)
    {
        var sb = new StringBuilder();
        foreach (var root in roots) Write(sb, root, 0, maxText);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Node node, int depth, int maxText)
    {
        var pad = new string(' ', depth * 2);
        switch (node)
        {
            case ElementNode e:
                sb.Append(pad).Append(e);
                if (e.Events.Count > 0) sb.Append(" events=").Append(string.Join(',', e.Events.Select(kv => $"{kv.Key}:{kv.Value}")));
                sb.AppendLine();
                foreach (var c in e.Children) Write(sb, c, depth + 1, maxText);
                break;
            case ComponentNode c:
                sb.Append(pad).Append("[component ").Append(c.ComponentId).AppendLine("]");
                foreach (var child in c.Children) Write(sb, child, depth + 1, maxText);
                break;
            default:
                var text = node.TextContent.Trim();
                if (text.Length > 0) sb.Append(pad).AppendLine('"' + (text.Length > maxText ? text[..maxText] + "…" : text) + '"');
                break;
        }
    }
}
