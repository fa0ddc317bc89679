using Admin.Load.Circuits;

namespace Admin.Load.Journeys;

/// <summary>
/// A manager: opens the hotspots, changes the period (a preset link) and the metric (a toggle), and drills into the
/// hotspot table's other layer (grid cells, then back to districts). Managers may not open records, so the map and
/// table carry no record links for them; the layer switch is their drill-down.
/// </summary>
public sealed class ManagerJourney : Journey
{
    private static readonly string[] Presets = ["7d", "90d", "365d", "28d"];
    private static readonly string[] Metrics = ["High-risk share", "Change vs baseline", "High-risk checks"];

    public override string Name => "manager";
    public override string Role => "Manager";

    public override async Task RunAsync(JourneyContext ctx)
    {
        var r = ctx.Random;
        // The map's cells come by address (a manager clicks none): an action is done when they have arrived too.
        static bool Ready(Dom d) => d.Has("hotspot-table") && d.Has("hotspot-map") && d.SourcesLoaded;
        // In a kept tab the menu link brings back the default period: the period line changes (this journey left another).
        await ctx.StartAtAsync("hotspots.open", "hotspots", Ready,
            () => ctx.MenuAsync("hotspots.menu", "hotspots", d => d.Text("period"), (d, period) => d.Text("period") is { } p && p != period && Ready(d)));
        await ctx.ThinkAsync();

        var preset = Presets[r.Next(Presets.Length - 1)];
        var link = ctx.Find("hotspots.period", d => d.First(e => e.Name == "a" && e.Attr("data-preset") == preset));
        var period = ctx.Live.Query(d => d.Text("period"));
        await ctx.ActAsync("hotspots.period", c => c.FollowLinkAsync(link), d => d.Text("period") is { } p && p != period && d.Has("hotspot-map") && d.SourcesLoaded);
        await ctx.ThinkAsync();

        var metric = Metrics[r.Next(2)];
        var toggle = ctx.Find("hotspots.metric", d => d.ByTestId("metric")?.Descendants().FirstOrDefault(e => e.Events.ContainsKey("click") && e.TextContent.Trim() == metric));
        var mapMetric = ctx.Live.Query(d => d.ByTestId("hotspot-map")?.Attr("data-metric"));
        await ctx.ActAsync("hotspots.metric", c => c.ClickAsync(toggle), d => d.ByTestId("hotspot-map")?.Attr("data-metric") is { } m && m != mapMetric && d.SourcesLoaded);
        await ctx.ThinkAsync();

        foreach (var (layer, noun) in new[] { ("Grid cells", "cells"), ("Districts", "districts") })
        {
            var item = ctx.Find("hotspots.drill", d => LayerToggle(d, layer));
            // The ranking for the chosen layer (or, with too few checks, the toggle shown as chosen).
            await ctx.ActAsync("hotspots.drill", c => c.ClickAsync(item),
                d => d.ByTestId("hotspot-table")?.TextContent.Contains($" {noun} with enough checks", StringComparison.Ordinal) == true
                     || (d.ByTestId("hotspot-table")?.TextContent.Contains("No area had enough", StringComparison.Ordinal) == true
                         && LayerToggle(d, layer)?.Attr("class")?.Contains("selected", StringComparison.Ordinal) == true));
            await ctx.ThinkAsync();
        }
    }

    private static Rendering.ElementNode? LayerToggle(Dom d, string layer) =>
        d.ByTestId("hotspot-table")?.Descendants().FirstOrDefault(e => e.Events.ContainsKey("click") && e.TextContent.Trim() == layer);
}
