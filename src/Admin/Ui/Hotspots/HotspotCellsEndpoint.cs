using Admin.Data.Hotspots;
using Admin.Security;

namespace Admin.Ui.Hotspots;

/// <summary>
/// <c>GET /hotspots/cells?from=…&amp;to=…&amp;metric=…&amp;v=…</c>: a period's grid cells as the map's markup, for the
/// layer nobody clicks (<see cref="HotspotCells"/>), fetched by the browser's mapLayers.js. The hotspot page's policy
/// guards it; the page's own snapshot answers it (the same cache, one computation per period on any node). When
/// <c>v</c> names the snapshot served, the answer never changes and the browser may keep it; otherwise it is the
/// current snapshot's cells, not to be kept.
/// </summary>
public static class HotspotCellsEndpoint
{
    public static WebApplication MapHotspotCells(this WebApplication app)
    {
        app.MapGet(HotspotCells.Path, GetAsync).RequireAuthorization(Policies.Hotspots).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, HotspotDashboard dashboard, ProvinceShapes shapes)
    {
        var q = http.Request.Query;
        if (HotspotMetrics.Find(q["metric"].ToString()) is not { } metric)
            return BadRequest($"Give the metric as one of: {string.Join(", ", HotspotMetrics.All.Select(HotspotMetrics.Code))}.", "metric");
        var extent = (await dashboard.ExtentAsync(http.RequestAborted)).Value;
        if (extent is not { FirstDay: { } first, LastDay: { } last })
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No data yet", detail: "No HealthChecks have been rolled up yet.");
        var (asked, error, parameter) = HotspotsUrl.ParsePeriod(q["from"].ToString(), q["to"].ToString(), "", first, last);
        if (asked is not { } period) return BadRequest(error!, parameter);

        var snapshot = (await dashboard.SnapshotAsync(period, http.RequestAborted)).Value;
        http.Response.Headers.CacheControl = q["v"] == HotspotCells.Version(snapshot) ? "private, max-age=86400, immutable" : "no-cache";
        return Results.Text(HotspotCells.Markup(snapshot, metric, shapes), "text/plain; charset=utf-8");
    }

    private static IResult BadRequest(string message, string? parameter) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The map's cells cannot be drawn as asked", detail: message,
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });
}
