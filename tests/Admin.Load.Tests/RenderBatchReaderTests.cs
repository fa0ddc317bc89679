using Admin.Load.Circuits;
using Admin.Load.Rendering;

namespace Admin.Load.Tests;

/// <summary>A render batch decoded (its texts from the pool, its arrays rented) and applied to the tree.</summary>
public sealed class RenderBatchReaderTests
{
    private static Frame El(string name, int subtree) => new(FrameType.Element, subtree, 0, name, null, 0);
    private static Frame Attr(string name, string? value, ulong handler = 0) => new(FrameType.Attribute, 1, 0, name, value, handler);
    private static Frame Text(string text) => new(FrameType.Text, 1, 0, null, text, 0);

    /// <summary>Frames as the reader gives them back (the fields their type has, the others zero).</summary>
    internal static readonly Frame[] Frames =
    [
        El("div", 6), Attr("class", "kg-row"), Attr("onclick", null, 7), Attr("title", "t"), Text("Loading…"), El("div", 1),
        new(FrameType.Markup, 1, 0, null, "<td>a</td><td> b &amp; c </td>", 0),
        Attr("class", "kg-row kg-active"),
        new(FrameType.Region, 3, 0, null, null, 0), Text("in region"), new(FrameType.Component, 1, 2, null, null, 0),
        Text("second component"),
    ];

    internal static readonly (int, Edit[])[] Diffs =
    [
        (1, [
            new(EditType.PrependFrame, 0, 0, null), new(EditType.PrependFrame, 1, 6, null), new(EditType.PrependFrame, 2, 8, null),
            new(EditType.SetAttribute, 0, 7, null), new(EditType.RemoveAttribute, 0, 0, "title"),
        ]),
        (2, [new(EditType.PrependFrame, 0, 11, null)]),
    ];

    internal static byte[] Batch() => RenderBatchBytes.Write(Diffs, Frames, [9], [3, 4]);

    [Fact]
    public void A_batch_reads_back_as_written()
    {
        using var batch = RenderBatchReader.Read(Batch(), new StringPool(256, 100));
        Assert.Equal([new ComponentDiff(1, 0, 5), new ComponentDiff(2, 5, 1)], batch.Diffs.ToArray());
        Assert.Equal(Diffs[0].Item2, batch.Edits(batch.Diffs[0]).ToArray());
        Assert.Equal(Diffs[1].Item2, batch.Edits(batch.Diffs[1]).ToArray());
        Assert.Equal(Frames, batch.Frames.ToArray());
        Assert.Equal([9], batch.DisposedComponentIds.ToArray());
        Assert.Equal([3UL, 4UL], batch.DisposedEventHandlerIds.ToArray());
    }

    [Fact]
    public void Equal_texts_are_one_string_within_a_batch_and_across_batches()
    {
        var pool = new StringPool(256, 100);
        using var first = RenderBatchReader.Read(Batch(), pool);
        using var second = RenderBatchReader.Read(Batch(), pool);
        Assert.Same(first.Frames[0].Name, first.Frames[5].Name); // "div", two entries of the string table
        Assert.Same(first.Frames[1].Name, first.Frames[7].Name); // "class"
        Assert.Same(first.Frames[4].Text, second.Frames[4].Text);
        Assert.Same(first.Edits(first.Diffs[0])[4].RemovedAttributeName, second.Edits(second.Diffs[0])[4].RemovedAttributeName);
    }

    [Fact]
    public void A_returned_batch_is_not_read_again()
    {
        var batch = RenderBatchReader.Read(Batch());
        batch.Dispose();
        Assert.Throws<ObjectDisposedException>(() => batch.Frames.Length);
        batch.Dispose(); // once is enough, twice does no harm
    }

    [Fact]
    public void Applied_the_batch_builds_the_tree_with_attributes_and_handlers()
    {
        var tree = new RenderTree();
        tree.AttachRoot(1, "app");
        using (var batch = RenderBatchReader.Read(Batch())) tree.Apply(batch);

        var dom = new Dom(tree);
        var div = dom.Elements[0];
        Assert.Equal(["div", "div"], dom.Elements.Select(e => e.Name));
        Assert.Equal([new KeyValuePair<string, string?>("class", "kg-row kg-active")], div.Attributes.ToArray());
        Assert.Null(div.Attr("title"));
        Assert.True(div.HasClass("kg-active"));
        Assert.Equal(7UL, Assert.Single(div.Events, e => e.Key == "click").Value);
        Assert.Empty(dom.Elements[1].Events);
        Assert.Equal(["a", "b & c"], MarkupCellsOf(tree));
        Assert.Equal("Loading…a b & c in regionsecond component", dom.PageText);
        Assert.Equal("""
            [component 1]
              <div class="kg-row kg-active"> events=click:7
                "Loading…"
                <div >
              "a b & c"
              "in region"
              [component 2]
                "second component"

            """.ReplaceLineEndings(), TreeDump.Of(dom.Roots));
    }

    private static List<string> MarkupCellsOf(RenderTree tree)
    {
        var cells = new List<string>();
        MarkupCells.AddTo(cells, tree.RootNodes.Single().Children.OfType<MarkupNode>().Single().Html);
        return cells;
    }
}
