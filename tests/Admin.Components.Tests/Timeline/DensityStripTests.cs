using Admin.Components.Timeline;
using Bunit;

namespace Admin.Components.Tests.Timeline;

public class DensityStripTests
{
    private static readonly DateOnly March1 = new(2021, 3, 1);

    // Ten days, one bucket each, the fourth the busiest.
    private static readonly IReadOnlyList<DensityBucket> Days =
        Enumerable.Range(0, 10).Select(i => new DensityBucket(March1.AddDays(i), i == 3 ? 400 : i == 7 ? 0 : 100 + i)).ToList();

    private static IRenderedComponent<DensityStrip> Render(BunitContext ctx, List<DensityJump> jumps, DateOnly? markFrom = null, DateOnly? markTo = null,
        IReadOnlyList<DensityBucket>? buckets = null, DateOnly? end = null) =>
        ctx.Render<DensityStrip>(p => p
            .Add(x => x.Buckets, buckets ?? Days)
            .Add(x => x.End, end ?? March1.AddDays(10))
            .Add(x => x.MarkFrom, markFrom)
            .Add(x => x.MarkTo, markTo)
            .Add(x => x.NounMany, "checks")
            .Add(x => x.OnJump, j => jumps.Add(j)));

    // The buckets' markup string a strip holds.
    private static string BucketsOf(DensityStrip strip) => ((Microsoft.AspNetCore.Components.MarkupString)typeof(DensityStrip)
        .GetField("_bucketsMarkup", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(strip)!).Value;

    private static Dictionary<string, string> Style(AngleSharp.Dom.IElement e) =>
        e.GetAttribute("style")!.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':')).ToDictionary(p => p[0].Trim(), p => p[1].Trim());

    [Fact]
    public async Task Marks_the_days_in_view_to_scale()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, [], March1.AddDays(2), March1.AddDays(3));
        var mark = Style(cut.Find("[data-testid=density-mark]"));
        Assert.Equal("20%", mark["left"]);
        Assert.Equal("20%", mark["width"]);

        // Reversed (a newest-first grid reports its later row first) and beyond the end: clamped to the strip.
        cut = Render(ctx, [], March1.AddDays(12), March1.AddDays(8));
        mark = Style(cut.Find("[data-testid=density-mark]"));
        Assert.Equal("80%", mark["left"]);
        Assert.Equal("20%", mark["width"]);

        Assert.Empty(Render(ctx, []).FindAll("[data-testid=density-mark]"));
    }

    [Fact]
    public async Task A_drag_released_along_the_strip_jumps_to_the_day_under_it()
    {
        await using var ctx = ComponentContext.Create();
        var jumps = new List<DensityJump>();
        var cut = Render(ctx, jumps);
        Assert.Single(cut.FindAll("[data-testid=density-drag]"));

        await cut.InvokeAsync(() => cut.Instance.DragEnded(0.45)); // 4.5 of 10 days: the fifth day
        await cut.InvokeAsync(() => cut.Instance.DragEnded(1.0)); // the far edge is the last day, not the day after
        await cut.InvokeAsync(() => cut.Instance.DragEnded(-0.2));

        Assert.Equal([March1.AddDays(4), March1.AddDays(9), March1], jumps.Select(j => j.From));
        Assert.All(jumps, j => Assert.Equal(j.From.AddDays(1), j.To));
        Assert.Equal(March1, cut.Instance.Cursor);
    }

    [Fact]
    public async Task Buckets_of_different_lengths_are_drawn_to_scale_and_bars_to_their_counts()
    {
        await using var ctx = ComponentContext.Create();
        var months = new[] { new DensityBucket(new(2021, 1, 1), 310), new DensityBucket(new(2021, 2, 1), 620), new DensityBucket(new(2021, 3, 1), 0) };
        var cut = Render(ctx, [], buckets: months, end: new DateOnly(2021, 4, 1));
        var buckets = cut.FindAll(".ds-bucket");
        Assert.Equal(3, buckets.Count);
        Assert.Equal("34.444%", Style(buckets[1])["left"]); // 31 of 90 days
        Assert.Equal("31.111%", Style(buckets[1])["width"]); // 28 of 90
        Assert.Equal("50%", Style(buckets[0].QuerySelector(".ds-bar")!)["height"]);
        Assert.Equal("100%", Style(buckets[1].QuerySelector(".ds-bar")!)["height"]);
        Assert.Null(buckets[2].QuerySelector(".ds-bar")); // an empty month draws no bar
        Assert.Equal("1 Feb 2021 – 28 Feb 2021: 620 checks", buckets[1].GetAttribute("title"));
    }

    [Fact]
    public async Task A_click_on_a_bucket_jumps_to_its_days()
    {
        await using var ctx = ComponentContext.Create();
        var jumps = new List<DensityJump>();
        var cut = Render(ctx, jumps);
        // densityStrip.js hears the click on the track and reports the bucket's start.
        await cut.InvokeAsync(() => cut.Instance.BucketClicked(cut.Find(".ds-bucket[data-start='2021-03-06']").GetAttribute("data-start")!));
        Assert.Equal(new[] { new DensityJump(new(2021, 3, 6), new(2021, 3, 7)) }, jumps);
        // From the browser, only the start of a bucket drawn counts.
        foreach (var sent in new[] { "2021-03-06T00:00", "2021-02-28", "'; DROP TABLE x", "" })
            await cut.InvokeAsync(() => cut.Instance.BucketClicked(sent));
        Assert.Single(jumps);

        var weeks = new[] { new DensityBucket(new(2021, 3, 3), 5), new DensityBucket(new(2021, 3, 8), 9), new DensityBucket(new(2021, 3, 15), 2) };
        cut = Render(ctx, jumps, buckets: weeks, end: new DateOnly(2021, 3, 18));
        await cut.InvokeAsync(() => cut.Instance.BucketClicked("2021-03-08"));
        Assert.Equal(new DensityJump(new(2021, 3, 8), new(2021, 3, 15)), jumps[^1]);
        await cut.InvokeAsync(() => cut.Instance.BucketClicked("2021-03-15")); // the last bucket ends where the strip does
        Assert.Equal(new DensityJump(new(2021, 3, 15), new(2021, 3, 18)), jumps[^1]);
    }

    [Fact]
    public async Task Keys_move_the_cursor_by_a_day_or_a_month_and_Enter_jumps()
    {
        await using var ctx = ComponentContext.Create();
        var jumps = new List<DensityJump>();
        var span = Enumerable.Range(0, 120).Select(i => new DensityBucket(March1.AddDays(i), i)).ToList();
        var cut = Render(ctx, jumps, March1.AddDays(40), March1.AddDays(41), span, March1.AddDays(120));
        AngleSharp.Dom.IElement Slider() => cut.Find("[role=slider]");
        void Key(string key) => Slider().KeyDown(key);
        string Cursor() => cut.Find("[data-testid=density-cursor]").GetAttribute("data-day")!;
        Assert.Equal("0", Slider().GetAttribute("tabindex"));
        Assert.Equal("119", Slider().GetAttribute("aria-valuemax"));

        Assert.Equal("2021-04-10", Cursor()); // starts where the reader is
        Assert.Equal("40", Slider().GetAttribute("aria-valuenow"));
        Key("ArrowRight");
        Assert.Equal("2021-04-11", Cursor());
        Key("ArrowLeft");
        Key("ArrowLeft");
        Assert.Equal("2021-04-09", Cursor());
        Key("PageUp");
        Assert.Equal("2021-05-09", Cursor());
        Key("PageDown");
        Key("PageDown");
        Assert.Equal("2021-03-09", Cursor());
        Assert.Equal("8", Slider().GetAttribute("aria-valuenow"));
        Assert.StartsWith("9 Mar 2021: 8 checks", Slider().GetAttribute("aria-valuetext"));
        Assert.Empty(jumps);

        Key("Enter");
        Assert.Equal(new[] { new DensityJump(new(2021, 3, 9), new(2021, 3, 10)) }, jumps);

        Key("PageDown"); // clamped to the first day
        Assert.Equal("2021-03-01", Cursor());
        Key("End");
        Assert.Equal("2021-06-28", Cursor());
        Key("ArrowRight");
        Assert.Equal("2021-06-28", Cursor());
        Key("Home");
        Assert.Equal("2021-03-01", Cursor());
    }

    [Fact]
    public async Task Nothing_is_drawn_without_buckets()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, [], buckets: []);
        Assert.Empty(cut.FindAll("[data-testid=density-strip]"));
    }

    [Fact]
    public async Task Moving_the_mark_leaves_the_buckets_as_they_were_sent()
    {
        await using var ctx = ComponentContext.Create();
        var jumps = new List<DensityJump>();
        var cut = Render(ctx, jumps, March1.AddDays(2), March1.AddDays(3));
        var before = BucketsOf(cut.Instance);

        // The grid beside the strip scrolled: a new mark, the same buckets (the same string: nothing for them in the batch).
        cut.Render(p => p.Add(x => x.MarkFrom, March1.AddDays(5)).Add(x => x.MarkTo, March1.AddDays(6)));
        Assert.Equal("50%", Style(cut.Find("[data-testid=density-mark]"))["left"]);
        Assert.Same(before, BucketsOf(cut.Instance));
        Assert.All(cut.FindAll(".ds-bucket"), b => Assert.Null(b.GetAttribute("blazor:onclick"))); // no handler per bucket
        await cut.InvokeAsync(() => cut.Instance.BucketClicked(cut.FindAll(".ds-bucket")[4].GetAttribute("data-start")!));
        Assert.Equal(March1.AddDays(4), Assert.Single(jumps).From);
        // Another strip drawing the same buckets holds the same string.
        var other = Render(ctx, [], March1.AddDays(1), March1.AddDays(1));
        Assert.Same(before, BucketsOf(other.Instance));

        // New buckets (another filter) are drawn anew.
        cut.Render(p => p.Add(x => x.Buckets, Days.Take(5).ToList()).Add(x => x.End, March1.AddDays(5)));
        Assert.Equal(5, cut.FindAll(".ds-bucket").Count);
        Assert.Equal("20%", Style(cut.FindAll(".ds-bucket")[1])["left"]);
    }
}
