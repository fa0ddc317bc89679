using Admin.Load.Rendering;

namespace Admin.Load.Circuits;

/// <summary>
/// Queries over a circuit's render tree (read under the circuit's lock). <paramref name="fetched"/>: the addresses the
/// page's scripts fetch (<see cref="RenderTree.SourceAttribute"/>) that have been answered.
/// </summary>
public sealed class Dom(RenderTree tree, IReadOnlySet<string>? fetched = null)
{
    private readonly List<string> _sources = [];
    private readonly List<ElementNode> _elements = [];
    private readonly Dictionary<string, ElementNode> _byTestId = new(StringComparer.Ordinal);
    private readonly List<ElementNode> _gridRows = [];
    private int _version = -1;

    /// <summary>The page's elements in document order.</summary>
    public IReadOnlyList<ElementNode> Elements
    {
        get
        {
            Walk();
            return _elements;
        }
    }

    public IEnumerable<Rendering.Node> Roots => tree.RootNodes;

    public ElementNode? ByTestId(string id)
    {
        Walk();
        return _byTestId.GetValueOrDefault(id);
    }

    // Walks the page once per render batch: every waiting action asks for its elements on every batch, several times
    // (its grid, its label, its rows), and each walk was the whole page. The lists are refilled, not made anew (a page's
    // worth per batch was ~6 % of the harness's allocations): like the tree, they are only read under the circuit's lock,
    // and nothing read from them is kept past it.
    private void Walk()
    {
        if (_version == tree.Version) return;
        _elements.Clear();
        _byTestId.Clear();
        _gridRows.Clear();
        _sources.Clear();
        foreach (var root in tree.RootNodes)
            foreach (var e in root.Descendants())
            {
                _elements.Add(e);
                if (e.Attr("data-testid") is { } id) _byTestId.TryAdd(id, e); // the first in document order, as before
                if (e.Name == "tr" && e.HasClass("kg-row")) _gridRows.Add(e);
                if (e.Attr(RenderTree.SourceAttribute) is { Length: > 0 } source) _sources.Add(source);
            }
        _version = tree.Version;
    }

    public IEnumerable<ElementNode> Where(Func<ElementNode, bool> predicate) => Elements.Where(predicate);

    public ElementNode? First(Func<ElementNode, bool> predicate) => Elements.FirstOrDefault(predicate);

    public string? Text(string testId) => ByTestId(testId)?.TextContent;

    public bool Has(string testId) => ByTestId(testId) is not null;

    /// <summary>Whether everything the page's scripts fetch by address has arrived: what a browser shows only then (a map's cells).</summary>
    public bool SourcesLoaded
    {
        get
        {
            Walk();
            return _sources.TrueForAll(s => fetched?.Contains(s) == true);
        }
    }

    /// <summary>Whole-page text (what a reader could find with Ctrl+F).</summary>
    public string PageText => string.Concat(tree.RootNodes.Select(r => r.TextContent));

    /// <summary>The grid's rendered rows (tr.kg-row), in document order.</summary>
    public IReadOnlyList<ElementNode> GridRows
    {
        get
        {
            Walk();
            return _gridRows;
        }
    }

    /// <summary>The keyset grid's component instance: a new one each time the list's query changes (it is keyed by the URL).</summary>
    public int? GridComponentId => ByTestId("keyset-grid") is { } grid ? OwnerComponent(grid) : null;

    /// <summary>The grid shows a result: rows, "Nothing matches." or an error, and is not loading its first block.</summary>
    public bool GridSettled
    {
        get
        {
            var grid = ByTestId("keyset-grid");
            if (grid is null) return false;
            // The first block's "Loading…" is the grid's one message cell ("Loading more…" is a settled grid's).
            var settled = false;
            foreach (var e in grid.Descendants())
            {
                if (e.Name != "td" && e.Name != "tr") continue;
                if (e.HasClass("kg-message") && e.TextContent == "Loading…") return false;
                settled |= e.HasClass("kg-row") || e.HasClass("kg-message");
            }
            return settled;
        }
    }

    public static int? OwnerComponent(Rendering.Node node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
            if (n is Rendering.ComponentNode c) return c.ComponentId;
        return null;
    }

    public static IEnumerable<ElementNode> Ancestors(Rendering.Node node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
            if (n is ElementNode e) yield return e;
    }

    /// <summary>A row's cell texts: its td elements, or the cells of the markup the keyset grid renders a row's cells as.</summary>
    public static IReadOnlyList<string> Cells(ElementNode row)
    {
        var cells = new List<string>();
        foreach (var child in row.Children)
        {
            if (child is ElementNode { Name: "td" } td) cells.Add(td.TextContent.Trim());
            else if (child is Rendering.MarkupNode markup) MarkupCells.AddTo(cells, markup.Html);
        }
        return cells;
    }
}
