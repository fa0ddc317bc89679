using Microsoft.Playwright;

namespace Admin.Browser.Tests.Browsing;

/// <summary>What went wrong inside the browser during a journey: script errors, console errors, failed requests.</summary>
public sealed class PageDiagnostics
{
    private readonly Lock _gate = new();
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _failedRequests = [];

    public PageDiagnostics(IPage page)
    {
        page.PageError += (_, error) => Add(_pageErrors, error);
        page.Console += (_, message) => { if (message.Type == "error") Add(_consoleErrors, message.Text); };
        page.RequestFailed += (_, request) => Add(_failedRequests, $"{request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) => { if (response.Status >= 400) Add(_failedRequests, $"{response.Request.Method} {response.Url}: {response.Status}"); };
    }

    /// <summary>Uncaught exceptions in page scripts.</summary>
    public IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    public IReadOnlyList<string> ConsoleErrors => Snapshot(_consoleErrors);

    /// <summary>Requests that failed or answered 4xx/5xx, e.g. a static asset that did not load.</summary>
    public IReadOnlyList<string> FailedRequests => Snapshot(_failedRequests);

    public string Describe()
    {
        var lines = new List<string>();
        void Section(string title, IReadOnlyList<string> items)
        {
            if (items.Count == 0) return;
            lines.Add(title + ":");
            lines.AddRange(items.Select(i => "  " + i));
        }
        Section("Page errors", PageErrors);
        Section("Console errors", ConsoleErrors);
        Section("Failed requests", FailedRequests);
        return lines.Count == 0 ? "No browser errors were reported." : string.Join(Environment.NewLine, lines);
    }

    private void Add(List<string> list, string item)
    {
        lock (_gate) list.Add(item);
    }

    private IReadOnlyList<string> Snapshot(List<string> list)
    {
        lock (_gate) return [.. list];
    }
}
