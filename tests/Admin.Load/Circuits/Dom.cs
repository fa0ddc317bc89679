using Admin.Load.Rendering;

namespace Admin.Load.Circuits;

/// <summary>Queries over a circuit's render tree (read under the circuit's lock).</summary>
public sealed class Dom(RenderTree tree)
{
    public IEnumerable<ElementNode> Elements => tree.RootNodes.SelectMany(r => r.Descendants());

    public ElementNode? ByTestId(string id) => Elements.FirstOrDefault(e => e.Attr("data-testid") == id);

    public IEnumerable<ElementNode> Where(Func<ElementNode, bool> predicate) => Elements.Where(predicate);

    public ElementNode? First(Func<ElementNode, bool> predicate) => Elements.FirstOrDefault(predicate);

    public string? Text(string testId) => ByTestId(testId)?.TextContent;

    public bool Has(string testId) => ByTestId(testId) is not null;

    /// <summary>Whole-page text (what a reader could find with Ctrl+F).</summary>
    public string PageText => string.Concat(tree.RootNodes.Select(r => r.TextContent));

    /// <summary>The grid's rendered rows (tr.kg-row), each as its cells' texts.</summary>
    public IReadOnlyList<ElementNode> GridRows => Elements.Where(e => e.Name == "tr" && e.HasClass("kg-row")).ToList();

    public static IReadOnlyList<string> Cells(ElementNode row) => row.Children.OfType<ElementNode>().Where(c => c.Name == "td").Select(c => c.TextContent.Trim()).ToList();
}
