using Admin.Load.Rendering;

namespace Admin.Load.Tests;

/// <summary>The harness's element tree: what every expected-result check walks.</summary>
public sealed class NodeTests
{
    private static ElementNode El(string name, string? cls = null, params Node[] children)
    {
        var e = new ElementNode(name);
        if (cls is not null) e.Attributes["class"] = cls;
        foreach (var c in children) e.Insert(e.Children.Count, c);
        return e;
    }

    [Fact]
    public void Descendants_are_every_element_below_in_document_order_through_components()
    {
        var component = new ComponentNode(7);
        component.Insert(0, El("tr", null, El("td"), new TextNode("x"), El("td", null, El("b"))));
        var root = El("table", null, El("thead"), component, El("tfoot"));
        Assert.Equal(["thead", "tr", "td", "td", "b", "tfoot"], root.Descendants().Select(e => e.Name));
        Assert.Empty(El("br").Descendants());
    }

    [Theory]
    [InlineData("kg-row", "kg-row", true)]
    [InlineData("a  kg-row b", "kg-row", true)]
    [InlineData("kg-rows", "kg-row", false)]
    [InlineData("xkg-row", "kg-row", false)]
    [InlineData(null, "kg-row", false)]
    public void HasClass_matches_whole_class_names(string? classes, string cls, bool expected) =>
        Assert.Equal(expected, El("tr", classes).HasClass(cls));
}
