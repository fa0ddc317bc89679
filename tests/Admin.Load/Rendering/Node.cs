using System.Text;
using System.Text.RegularExpressions;

namespace Admin.Load.Rendering;

/// <summary>
/// A node of the client-side tree, in Blazor's "logical element" sense: a component is a container whose children
/// are what it rendered (in the browser a comment node with logical children), regions are flattened away.
/// </summary>
public abstract class Node
{
    public ContainerNode? Parent { get; internal set; }

    /// <summary>The text a reader sees (markup with its tags stripped).</summary>
    public abstract void AppendText(StringBuilder text);

    public string TextContent
    {
        get
        {
            var sb = new StringBuilder();
            AppendText(sb);
            return sb.ToString();
        }
    }
}

/// <summary>A node with logical children: an element or a component's container.</summary>
public abstract class ContainerNode : Node
{
    public List<Node> Children { get; } = [];

    public override void AppendText(StringBuilder text)
    {
        foreach (var child in Children) child.AppendText(text);
    }

    public void Insert(int index, Node child)
    {
        child.Parent = this;
        Children.Insert(Math.Min(index, Children.Count), child);
    }

    /// <summary>Elements below this node in document order. One explicit stack, not nested iterators: every render
    /// batch a virtual user waits on walks the whole page, and nested iterators were the harness's hottest code (perf: ~8 % of its CPU).</summary>
    public IEnumerable<ElementNode> Descendants()
    {
        var stack = new Stack<(ContainerNode Node, int Next)>();
        var (node, next) = ((ContainerNode)this, 0);
        while (true)
        {
            if (next < node.Children.Count)
            {
                var child = node.Children[next++];
                if (child is ElementNode e) yield return e;
                if (child is ContainerNode c)
                {
                    stack.Push((node, next));
                    (node, next) = (c, 0);
                }
            }
            else if (stack.Count > 0) (node, next) = stack.Pop();
            else yield break;
        }
    }
}

public sealed class ElementNode(string name) : ContainerNode
{
    public string Name { get; } = name;
    public Dictionary<string, string?> Attributes { get; } = new(StringComparer.Ordinal);
    /// <summary>Event name without "on" (click, change, input, keydown...) to the handler id the server assigned.</summary>
    public Dictionary<string, ulong> Events { get; } = new(StringComparer.Ordinal);

    public string? Attr(string name) => Attributes.GetValueOrDefault(name);

    public bool HasClass(string cls)
    {
        if (Attr("class") is not { } classes) return false;
        var span = classes.AsSpan();
        foreach (var range in span.Split(' '))
            if (span[range].SequenceEqual(cls)) return true;
        return false;
    }

    public override string ToString() => $"<{Name} {string.Join(' ', Attributes.Select(a => $"{a.Key}=\"{a.Value}\""))}>";
}

public sealed class ComponentNode(int componentId) : ContainerNode
{
    public int ComponentId { get; } = componentId;
}

public sealed class TextNode(string text) : Node
{
    public string Text { get; set; } = text;
    public override void AppendText(StringBuilder text) => text.Append(Text);
}

public sealed partial class MarkupNode(string html) : Node
{
    public string Html { get; set; } = html;
    public override void AppendText(StringBuilder text) => text.Append(System.Net.WebUtility.HtmlDecode(Tags().Replace(Html, "")));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
