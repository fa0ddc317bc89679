using Admin.Load.Rendering;

namespace Admin.Load.Tests;

/// <summary>The harness's element tree: what every expected-result check walks.</summary>
public sealed class NodeTests
{
    private static ElementNode El(string name, string? cls = null, params Node[] children)
    {
        var e = new ElementNode(name);
        if (cls is not null) e.SetAttr("class", cls);
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

    [Fact]
    public void Attributes_keep_their_order_as_they_are_set_replaced_and_removed()
    {
        var e = new ElementNode("input", attributeCapacity: 1);
        e.SetAttr("type", "text");
        e.SetAttr("value", "a");
        e.SetAttr("id", "q");
        e.SetAttr("value", "b");
        e.RemoveAttr("type");
        e.RemoveAttr("missing");
        e.SetAttr("disabled", null);

        Assert.Equal([new("value", "b"), new("id", "q"), new KeyValuePair<string, string?>("disabled", null)], e.Attributes.ToArray());
        Assert.Equal("b", e.Attr("value"));
        Assert.Null(e.Attr("type"));
        Assert.Null(e.Attr("disabled"));
        Assert.Equal("<input value=\"b\" id=\"q\" disabled=\"\">", e.ToString());
        Assert.Equal("<br >", new ElementNode("br").ToString());
    }

    [Fact]
    public void Events_are_set_and_removed_by_name()
    {
        var e = new ElementNode("button");
        Assert.Empty(e.Events);
        Assert.False(e.Events.ContainsKey("click"));
        e.SetEvent("click", 5);
        e.SetEvent("click", 6);
        Assert.True(e.Events.TryGetValue("click", out var handler));
        Assert.Equal(6UL, handler);
        e.RemoveEvent("click");
        Assert.Empty(e.Events);
        Assert.Same(new ElementNode("div").Events, new ElementNode("p").Events); // none made without handlers: one shared empty
    }
}
