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

    public IEnumerable<ElementNode> Descendants()
    {
        foreach (var child in Children)
        {
            if (child is ElementNode e) yield return e;
            if (child is ContainerNode c)
                foreach (var d in c.Descendants()) yield return d;
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

    public bool HasClass(string cls) => Attr("class") is { } c && c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cls);

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
