using Microsoft.Playwright;

namespace Admin.Browser.Tests.Browsing;

/// <summary>
/// Whether a page is drawn with the app's styles, read from the browser's computed styles: every stylesheet it links
/// was applied, the body uses the theme's font, and no icon is drawn larger than an icon should be (an unstyled
/// MudBlazor SVG fills its container).
/// </summary>
public static class ComputedStyles
{
    /// <summary>What is wrong with the page's styling; empty when it looks styled.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        return await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              const links = [...document.querySelectorAll('link[rel=stylesheet]')];
              if (links.length === 0) problems.push('the page links no stylesheet');
              for (const link of links) {
                let rules = 0;
                try { rules = link.sheet ? link.sheet.cssRules.length : 0; } catch { rules = 0; }
                if (rules === 0) problems.push(`stylesheet not applied: ${link.href}`);
              }
              const body = getComputedStyle(document.body);
              if (!/Roboto/.test(body.fontFamily)) problems.push(`body font is '${body.fontFamily}', not the theme's`);
              if (body.margin !== '0px') problems.push(`body margin is ${body.margin}: the reset stylesheet is missing`);
              for (const svg of document.querySelectorAll('svg')) {
                const r = svg.getBoundingClientRect();
                if (r.width > 64 || r.height > 64)
                  problems.push(`an icon is drawn ${Math.round(r.width)}x${Math.round(r.height)} px (${svg.closest('[class]')?.className.baseVal ?? svg.closest('[class]')?.className ?? ''})`);
              }
              return problems;
            }
            """);
    }
}
