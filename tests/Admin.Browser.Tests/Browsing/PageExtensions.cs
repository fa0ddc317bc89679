using Microsoft.Playwright;

namespace Admin.Browser.Tests.Browsing;

public static class PageExtensions
{
    /// <summary>MainLayout renders this once a Blazor circuit (not the prerender) has rendered it.</summary>
    public const string InteractiveSelector = "[data-interactive='true']";

    /// <summary>
    /// Opens <paramref name="url"/> and waits until the interactive Server circuit has taken over the prerendered
    /// page, so clicks reach C# handlers. Without this, a click can land on inert prerendered HTML and be lost.
    /// </summary>
    public static async Task<IResponse?> GotoAndWaitForCircuitAsync(this IPage page, Uri url)
    {
        var response = await page.GotoAsync(url.ToString());
        if (response is { Ok: false })
            throw new InvalidOperationException($"GET {url} answered {response.Status} {response.StatusText}.");
        await page.WaitForCircuitAsync();
        return response;
    }

    /// <summary>Waits until the page is rendered by a live circuit (after a full load or a reconnect).</summary>
    public static async Task WaitForCircuitAsync(this IPage page)
    {
        try
        {
            await page.Locator(InteractiveSelector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(
                $"The Blazor circuit did not start on {page.Url}: nothing matched {InteractiveSelector}. " +
                "Check that _framework/blazor.web.js loads and the /_blazor WebSocket connects.", ex);
        }
    }
}
