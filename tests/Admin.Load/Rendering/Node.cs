using System.Collections.ObjectModel;
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

/// <summary>
/// An element, with its attributes and event handlers. Both are kept light, a page holds thousands of elements: the
/// attributes (a handful per element) in one array searched in order, the handlers in a Dictionary only for the elements
/// that have any (most have none). Inserting elements with a Dictionary of each was ~15 % of the harness's allocations at
/// 500 users.
/// </summary>
public sealed class ElementNode(string name, int attributeCapacity = 0) : ContainerNode
{
    private static readonly IReadOnlyDictionary<string, ulong> NoEvents = ReadOnlyDictionary<string, ulong>.Empty;

    private KeyValuePair<string, string?>[] _attributes = attributeCapacity == 0 ? [] : new KeyValuePair<string, string?>[attributeCapacity];
    private int _attributeCount;
    private Dictionary<string, ulong>? _events;

    public string Name { get; } = name;

    /// <summary>Name and value of each attribute, in the order they were first set.</summary>
    public ReadOnlySpan<KeyValuePair<string, string?>> Attributes => _attributes.AsSpan(0, _attributeCount);

    /// <summary>Event name without "on" (click, change, input, keydown...) to the handler id the server assigned.</summary>
    public IReadOnlyDictionary<string, ulong> Events => _events ?? NoEvents;

    public string? Attr(string name) => IndexOf(name) is >= 0 and var i ? _attributes[i].Value : null;

    internal void SetAttr(string name, string? value)
    {
        if (IndexOf(name) is >= 0 and var i)
        {
            _attributes[i] = new(name, value);
            return;
        }
        if (_attributeCount == _attributes.Length) Array.Resize(ref _attributes, Math.Max(2, _attributeCount * 2));
        _attributes[_attributeCount++] = new(name, value);
    }

    internal void RemoveAttr(string name)
    {
        if (IndexOf(name) is not (>= 0 and var i)) return;
        Array.Copy(_attributes, i + 1, _attributes, i, _attributeCount - i - 1);
        _attributes[--_attributeCount] = default;
    }

    internal void SetEvent(string name, ulong handlerId) => (_events ??= new(StringComparer.Ordinal))[name] = handlerId;

    internal void RemoveEvent(string name) => _events?.Remove(name);

    private int IndexOf(string name)
    {
        for (var i = 0; i < _attributeCount; i++)
            if (string.Equals(_attributes[i].Key, name, StringComparison.Ordinal)) return i;
        return -1;
    }

    public bool HasClass(string cls)
    {
        if (Attr("class") is not { } classes) return false;
        var span = classes.AsSpan();
        foreach (var range in span.Split(' '))
            if (span[range].SequenceEqual(cls)) return true;
        return false;
    }

    public override string ToString()
    {
        var text = new StringBuilder("<").Append(Name).Append(' ');
        for (var i = 0; i < _attributeCount; i++)
            text.Append(i == 0 ? "" : " ").Append(_attributes[i].Key).Append("=\"").Append(_attributes[i].Value).Append('"');
        return text.Append('>').ToString();
    }
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
    public override void AppendText(StringBuilder text) => text.Append(System.Net.WebUtility.HtmlDecode(WithoutTags(Html)));

    internal static string WithoutTags(string html) => Tags().Replace(html, "");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
