namespace Admin.Browser.Tests.Browsing;

/// <summary>A journey failed; the message adds where to look: the page URL, the screenshot and browser errors.</summary>
public sealed class JourneyFailedException(Exception inner, string url, string screenshot, string diagnostics)
    : Exception($"{inner.Message}{Environment.NewLine}URL: {url}{Environment.NewLine}Screenshot: {screenshot}{Environment.NewLine}{diagnostics}", inner);
