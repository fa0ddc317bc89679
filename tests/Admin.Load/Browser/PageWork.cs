using Microsoft.Playwright;

namespace Admin.Load.Browser;

/// <summary>
/// The page's own CPU on its main thread (Chrome DevTools Protocol, <c>Performance.getMetrics</c> in thread time), read
/// before and after an action: how much of the page's part of an action is work the browser did (scripts, style and
/// layout, the rest of its tasks) and how much is waiting for a core. Thread time, not wall time, so a busy box does
/// not inflate it. It includes the driver's own scripts in the page during the action (its waits poll once a frame).
/// </summary>
internal sealed class PageWork(ICDPSession session)
{
    public static async Task<PageWork> AttachAsync(IBrowserContext context, IPage page)
    {
        var session = await context.NewCDPSessionAsync(page);
        await session.SendAsync("Performance.enable", new() { ["timeDomain"] = "threadTicks" });
        return new PageWork(session);
    }

    public async Task<PageWorkReading> ReadAsync()
    {
        var result = await session.SendAsync("Performance.getMetrics");
        var metrics = result is { } r
            ? r.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString() ?? "", m => m.GetProperty("value").GetDouble())
            : [];
        double Of(string name) => metrics.GetValueOrDefault(name);
        return new PageWorkReading(Of("TaskDuration") * 1000, Of("ScriptDuration") * 1000, (Of("LayoutDuration") + Of("RecalcStyleDuration")) * 1000);
    }
}

/// <summary>The page's main-thread CPU so far, in milliseconds: all its tasks, scripts, and style and layout.</summary>
internal readonly record struct PageWorkReading(double Tasks, double Scripts, double StyleAndLayout)
{
    /// <summary>What was done between two readings; null when the renderer started over (a new document in a new process).</summary>
    public static PageWorkReading? Between(PageWorkReading a, PageWorkReading b) =>
        b.Tasks >= a.Tasks ? new PageWorkReading(b.Tasks - a.Tasks, b.Scripts - a.Scripts, b.StyleAndLayout - a.StyleAndLayout) : null;
}
