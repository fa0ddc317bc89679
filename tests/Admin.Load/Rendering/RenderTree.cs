namespace Admin.Load.Rendering;

/// <summary>
/// The browser's copy of the UI, kept from render batches the way blazor.web.js's BrowserRenderer keeps the DOM:
/// each component's edits apply to its container, stepping in and out of elements by sibling index; inserted frames
/// become nodes (elements take their attribute frames, regions splice their children in). Not thread-safe: the
/// circuit applies batches and runs queries under its own lock.
/// </summary>
public sealed class RenderTree
{
    private readonly Dictionary<int, ComponentNode> _components = [];

    /// <summary>Root components, by the selector the server attached them to (the SSR component id).</summary>
    public Dictionary<string, ComponentNode> Roots { get; } = [];

    public IEnumerable<ComponentNode> RootNodes => Roots.Values;

    public void AttachRoot(int componentId, string selector)
    {
        Version++;
        Roots[selector] = Component(componentId);
    }

    /// <summary>Counts the changes (batches applied, roots attached): what was read from the tree stays true until it moves.</summary>
    public int Version { get; private set; }

    public void Apply(RenderBatch batch)
    {
        Version++;
        foreach (var diff in batch.Diffs) ApplyEdits(Component(diff.ComponentId), batch.Edits(diff), batch.Frames);
        foreach (var id in batch.DisposedComponentIds) _components.Remove(id);
    }

    /// <summary>For traces: the first element of a component with a test id or class, e.g. "div.kg".</summary>
    public string Describe(int componentId) =>
        _components.TryGetValue(componentId, out var c) && c.Descendants().FirstOrDefault() is { } e
            ? e.Name + (e.Attr("data-testid") is { } t ? "#" + t : e.Attr("class") is { } k ? "." + k.Split(' ')[0] : "")
            : "-";

    private ComponentNode Component(int id)
    {
        if (!_components.TryGetValue(id, out var node)) _components[id] = node = new ComponentNode(id);
        return node;
    }

    private void ApplyEdits(ComponentNode component, ReadOnlySpan<Edit> edits, ReadOnlySpan<Frame> frames)
    {
        ContainerNode parent = component;
        var permutation = new List<(int From, int To)>();
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(parent, edit.SiblingIndex, frames, edit.Reference);
                    break;
                case EditType.RemoveFrame:
                    if (edit.SiblingIndex < parent.Children.Count) parent.Children.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    if (parent.Children[edit.SiblingIndex] is ElementNode target) SetAttribute(target, frames[edit.Reference]);
                    break;
                case EditType.RemoveAttribute:
                    if (parent.Children[edit.SiblingIndex] is ElementNode owner) RemoveAttribute(owner, edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                    if (parent.Children[edit.SiblingIndex] is TextNode text) text.Text = frames[edit.Reference].Text ?? "";
                    break;
                case EditType.UpdateMarkup:
                    if (parent.Children[edit.SiblingIndex] is MarkupNode markup) markup.Html = frames[edit.Reference].Text ?? "";
                    break;
                case EditType.StepIn:
                    parent = (ContainerNode)parent.Children[edit.SiblingIndex];
                    break;
                case EditType.StepOut:
                    parent = parent.Parent ?? component;
                    break;
                case EditType.PermutationListEntry:
                    permutation.Add((edit.SiblingIndex, edit.Reference));
                    break;
                case EditType.PermutationListEnd:
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation) parent.Children[to] = before[from];
                    permutation.Clear();
                    break;
            }
        }
    }

    /// <summary>Inserts one frame (and its subtree) at a child index; returns how many logical children it added.</summary>
    private int InsertFrame(ContainerNode parent, int index, ReadOnlySpan<Frame> frames, int at)
    {
        var frame = frames[at];
        switch (frame.Type)
        {
            case FrameType.Element:
                var end = at + frame.SubtreeLength;
                var (child, attributes) = (at + 1, 0);
                for (; child < end && frames[child].Type == FrameType.Attribute; child++)
                    if (frames[child].EventHandlerId == 0) attributes++;
                var element = new ElementNode(frame.Name ?? "", attributes);
                parent.Insert(index, element);
                for (var a = at + 1; a < child; a++) SetAttribute(element, frames[a]);
                InsertRange(element, 0, frames, child, end);
                return 1;
            case FrameType.Text:
                parent.Insert(index, new TextNode(frame.Text ?? ""));
                return 1;
            case FrameType.Markup:
                parent.Insert(index, new MarkupNode(frame.Text ?? ""));
                return 1;
            case FrameType.Component:
                var component = Component(frame.ComponentId);
                parent.Insert(index, component);
                return 1;
            case FrameType.Region:
                return InsertRange(parent, index, frames, at + 1, at + frame.SubtreeLength);
            default:
                return 0; // reference captures and anything without a node
        }
    }

    private int InsertRange(ContainerNode parent, int index, ReadOnlySpan<Frame> frames, int start, int end)
    {
        var first = index;
        for (var i = start; i < end; i++)
        {
            index += InsertFrame(parent, index, frames, i);
            i += frames[i].DescendantCount;
        }
        return index - first;
    }

    /// <summary>The attribute whose value a page's script fetches (a map layer's cells, CellLayer's Source).</summary>
    public const string SourceAttribute = "data-src";

    private readonly List<string> _sources = [];

    /// <summary>The addresses given to <see cref="SourceAttribute"/> by the batches since the last call: a browser fetches each.</summary>
    public List<string>? TakeSources()
    {
        if (_sources.Count == 0) return null;
        List<string> taken = [.. _sources];
        _sources.Clear();
        return taken;
    }

    private void SetAttribute(ElementNode element, in Frame frame)
    {
        var name = frame.Name ?? "";
        if (frame.EventHandlerId != 0)
        {
            // By its name without "on", from the pool: a substring for each handler of each element inserted, otherwise.
            element.SetEvent(name.StartsWith("on", StringComparison.Ordinal) ? StringPool.Shared.Get(name.AsSpan(2)) : name, frame.EventHandlerId);
            return;
        }
        element.SetAttr(name, frame.Text);
        if (name == SourceAttribute && frame.Text is { Length: > 0 } source) _sources.Add(source);
    }

    private static void RemoveAttribute(ElementNode element, string name)
    {
        if (name.StartsWith("on", StringComparison.Ordinal)) element.RemoveEvent(name[2..]);
        element.RemoveAttr(name);
    }
}
