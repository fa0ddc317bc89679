using Admin.Data.Audit;
using Admin.Data.Counting;
using Admin.Data.Listing;
using Admin.Security;

namespace Admin.Ui.Records;

/// <summary>
/// What a list's <c>CountLabel</c> and the counts beside its filter options show, and the work behind them: for each
/// query the count (from the rollups, or exact under the short timeout, else the planner's estimate;
/// <see cref="RowCounter"/>) and, where the list declares facets and the rollups cover the query, every option's count
/// under the other filters, summed from the same cube as the label (one fetch for both); and on an admin's request an
/// exact count (audited before it runs, bounded, cancellable). A new query cancels both; results of a superseded query
/// are dropped. Results arrive through <paramref name="post"/> (the component's <c>InvokeAsync</c>), then
/// <paramref name="changed"/>. A facet that fails or runs past its limit leaves the options without counts.
/// </summary>
public sealed class ListCount<TRow>(RowCounter counter, RollupCounter rollups, AuditTrail audit, ILogger logger, Func<Action, Task> post, Action changed) : IDisposable
    where TRow : class
{
    private ListQuery<TRow>? _query;
    private CancellationTokenSource? _countCts, _exactCts;

    public CountResult? Value { get; private set; }
    /// <summary>Per filter name, each option's count under the other filters; null when not known (see the class).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>? Facets { get; private set; }
    public bool ExactRunning => _exactCts is not null;
    /// <summary>Why the last exact count gave no figure (null when it was cancelled or succeeded).</summary>
    public string? ExactError { get; private set; }

    /// <summary>Counts <paramref name="query"/> in the background; null just clears (no query, or a prerender).</summary>
    public void Start(ListQuery<TRow>? query)
    {
        _countCts?.Cancel();
        CancelExact();
        (_query, Value, Facets, ExactError) = (query, null, null, null);
        if (query is null) return;
        var cts = _countCts = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                var cube = FacetCounts.Declared(query.Table) && RollupCounter.Covers(query) ? rollups.CubeAsync(query, cts.Token) : null;
                var count = cube is null ? await counter.CountAsync(query, cts.Token) : await counter.CountAsync(query, cube, cts.Token);
                var facets = cube is not null && await cube is { } c ? FacetCounts.Of(query, c) : null;
                await post(() => { if (_query == query) { Value = count; Facets = facets; changed(); } });
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested) { }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Count failed for {Table}", query.Table.Table);
            }
        });
    }

    /// <summary>An exact count of the current query, written to the audit trail (as <paramref name="auditText"/>) first.</summary>
    public void CountExactly(string auditText)
    {
        if (_query is not { } query) return;
        ExactError = null;
        var cts = _exactCts = new CancellationTokenSource();
        var audited = audit.RecordAsync(AuditActions.CountExact, query.Table.Table, query: auditText);
        _ = Task.Run(async () =>
        {
            try
            {
                await audited;
            }
            catch (Exception ex) when (ex is TimeoutException or Npgsql.NpgsqlException)
            {
                logger.LogError(ex, "Could not audit an exact count of {Table}", query.Table.Table);
                await Finish(cts, "The request could not be written to the audit trail, so the count did not run.");
                return;
            }
            try
            {
                var count = await counter.ExactAsync(query, cts.Token);
                await post(() => { if (_query == query) Value = count; _exactCts = null; changed(); });
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or Npgsql.NpgsqlException)
            {
                await Finish(cts, cts.IsCancellationRequested ? null : "The exact count took too long and was stopped; the estimate stands.");
            }
        });
    }

    public void CancelExact()
    {
        _exactCts?.Cancel();
        _exactCts = null;
    }

    private Task Finish(CancellationTokenSource cts, string? error) => post(() =>
    {
        if (_exactCts == cts) _exactCts = null;
        ExactError = error;
        changed();
    });

    public void Dispose()
    {
        _countCts?.Cancel();
        _exactCts?.Cancel();
    }
}
