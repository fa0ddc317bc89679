using System.Globalization;
using Admin.Components.Grid;

namespace Admin.Components.Tests.Grid;

/// <summary>A provider over the numbers 0..n-1 whose cursor is the number: enough to watch what the grid asks for.</summary>
public sealed class ListProvider(int count)
{
    public List<GridWindowRequest> Requests { get; } = [];
    public List<CancellationToken> Tokens { get; } = [];
    public Func<GridWindowRequest, Task>? Gate { get; set; }

    public async ValueTask<GridWindow<int>> Provide(GridWindowRequest r, CancellationToken ct)
    {
        Requests.Add(r);
        Tokens.Add(ct);
        if (Gate is not null) await Gate(r);
        ct.ThrowIfCancellationRequested();
        int start, end;
        switch (r.Anchor)
        {
            case GridAnchor.Start: (start, end) = (0, Math.Min(count, r.Count)); break;
            case GridAnchor.End: (start, end) = (Math.Max(0, count - r.Count), count); break;
            case GridAnchor.After: start = Parse(r.Cursor) + 1; end = Math.Min(count, start + r.Count); break;
            case GridAnchor.Before: end = Parse(r.Cursor); start = Math.Max(0, end - r.Count); break;
            default: start = (int)r.Target!; end = Math.Min(count, start + r.Count); break;
        }
        var items = Enumerable.Range(start, Math.Max(0, end - start)).ToList();
        return new GridWindow<int>(items, items.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(), start > 0, end < count);
    }

    private static int Parse(string? s) => int.Parse(s!, CultureInfo.InvariantCulture);
}
