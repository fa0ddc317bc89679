using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Admin.Browser.Tests.Accessibility;

/// <summary>
/// Runs axe-core on a page. The script is the one embedded in Deque.AxeCore.Commons (restored with the test project,
/// nothing downloaded); Playwright evaluates it in the page, which the app's Content-Security-Policy does not govern.
/// </summary>
public static class AxeCheck
{
    /// <summary>Each serious or critical violation on the page: rule, impact, help, and the elements it names.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}; " + string.Join(" | ",
                v.Nodes.Take(5).Select(n => $"{n.Target} {Shorten(n.Html)} {Why(n)}")))
            .ToList();
    }

    // What the failing check measured, e.g. "insufficient color contrast of 3.2 (foreground color: #…)".
    private static string Why(AxeResultNode node) =>
        node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m)) ?? "";

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 200 ? html : html[..200] + "…";
}
