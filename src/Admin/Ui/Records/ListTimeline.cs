using Admin.Components.Timeline;
using Admin.Data.Counting;
using Admin.Data.Listing;

namespace Admin.Ui.Records;

/// <summary>
/// What the timeline beside a list's grid shows: the query's checks per day, week or month from the rollups
/// (<see cref="RollupTimeline"/>), fetched beside the rows and the count, never before them. A new query cancels the
/// fetch and drops a superseded result; a failure or a timeout shows no timeline (logged, no error on the page).
/// </summary>
public sealed class ListTimeline<TRow>(RollupTimeline timelines, ILogger logger, Func<Action, Task> post, Action changed) : IDisposable
    where TRow : class
{
    private ListQuery<TRow>? _query;
    private CancellationTokenSource? _cts;

    public Timeline? Value { get; private set; }
    /// <summary><see cref="Value"/>'s buckets as the strip takes them.</summary>
    public IReadOnlyList<DensityBucket> Buckets { get; private set; } = [];

    /// <summary>Reads <paramref name="query"/>'s timeline in the background; null just clears (no query, or a prerender).</summary>
    public void Start(ListQuery<TRow>? query)
    {
        _cts?.Cancel();
        (_query, Value, Buckets) = (query, null, []);
        if (query is null || !RollupTimeline.Covers(query)) return;
        var cts = _cts = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                var timeline = await timelines.TryReadAsync(query, cts.Token);
                var buckets = timeline?.Buckets.Select(b => new DensityBucket(b.Start, b.Count)).ToList() ?? [];
                await post(() => { if (_query == query) { (Value, Buckets) = (timeline, buckets); changed(); } });
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested) { }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Timeline failed for {Table}", query.Table.Table);
            }
        });
    }

    public void Dispose() => _cts?.Cancel();
}
