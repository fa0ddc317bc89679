using Admin.Load.Rendering;

namespace Admin.Load.Circuits;

/// <summary>Queries over a circuit's render tree (read under the circuit's lock).</summary>
public sealed partial class Dom(RenderTree tree)
{
    private List<ElementNode> _elements = [];
    private Dictionary<string, ElementNode> _byTestId = [];
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
    // (its grid, its label, its rows), and each walk was the whole page.
    private void Walk()
    {
        if (_version == tree.Version) return;
        var elements = new List<ElementNode>(_elements.Count);
        var byTestId = new Dictionary<string, ElementNode>(_byTestId.Count, StringComparer.Ordinal);
        foreach (var root in tree.RootNodes)
            foreach (var e in root.Descendants())
            {
                elements.Add(e);
                if (e.Attr("data-testid") is { } id) byTestId.TryAdd(id, e); // the first in document order, as before
            }
        (_elements, _byTestId, _version) = (elements, byTestId, tree.Version);
    }

    public IEnumerable<ElementNode> Where(Func<ElementNode, bool> predicate) => Elements.Where(predicate);

    public ElementNode? First(Func<ElementNode, bool> predicate) => Elements.FirstOrDefault(predicate);

    public string? Text(string testId) => ByTestId(testId)?.TextContent;

    public bool Has(string testId) => ByTestId(testId) is not null;

    /// <summary>Whole-page text (what a reader could find with Ctrl+F).</summary>
    public string PageText => string.Concat(tree.RootNodes.Select(r => r.TextContent));

    /// <summary>The grid's rendered rows (tr.kg-row), each as its cells' texts.</summary>
    public IReadOnlyList<ElementNode> GridRows => Elements.Where(e => e.Name == "tr" && e.HasClass("kg-row")).ToList();

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
    public static IReadOnlyList<string> Cells(ElementNode row) =>
        row.Children.SelectMany(c => c switch
        {
            ElementNode { Name: "td" } td => [td.TextContent.Trim()],
            Rendering.MarkupNode markup => MarkupCells(markup.Html),
            _ => [],
        }).ToList();

    private static IEnumerable<string> MarkupCells(string html) =>
        Cell().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")).Trim());

    [System.Text.RegularExpressions.GeneratedRegex("<td\\b[^>]*>(.*?)</td>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Cell();

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();
}
