namespace Admin.Load.Rendering;

/// <summary>
/// A decoded render batch. Its arrays are rented (a new set per batch was ~9 % of the harness's allocations at 500
/// users) and only needed while the batch is applied: <see cref="Dispose"/> returns them, and nothing reads the batch after.
/// </summary>
public sealed class RenderBatch(RentedArray<ComponentDiff> diffs, RentedArray<Edit> edits, RentedArray<Frame> frames,
    RentedArray<int> disposedComponentIds, RentedArray<ulong> disposedEventHandlerIds) : IDisposable
{
    public ReadOnlySpan<ComponentDiff> Diffs => diffs.Span;

    /// <summary>The edits of one component's diff (every diff's edits are in one array).</summary>
    public ReadOnlySpan<Edit> Edits(ComponentDiff diff) => edits.Span.Slice(diff.FirstEdit, diff.EditCount);

    public ReadOnlySpan<Frame> Frames => frames.Span;
    public ReadOnlySpan<int> DisposedComponentIds => disposedComponentIds.Span;
    public ReadOnlySpan<ulong> DisposedEventHandlerIds => disposedEventHandlerIds.Span;

    public void Dispose()
    {
        diffs.Return();
        edits.Return();
        frames.Return();
        disposedComponentIds.Return();
        disposedEventHandlerIds.Return();
    }
}
