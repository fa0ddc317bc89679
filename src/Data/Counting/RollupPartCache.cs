namespace Admin.Data.Counting;

/// <summary>
/// The rollup half of an exact count or timeline, shared by every reader that sees the same rollups. The rollups change
/// only in transactions that also update their watermark row (a refresh's days, each month it then writes, an edit's
/// deltas in <see cref="Rollups.RollupEdits"/>), so that row's version (its xmin), read in a reader's snapshot, names
/// exactly the rollup rows the snapshot sees. The rows committed since the last refresh are still read per request.
/// Under load this was most of PostgreSQL's time: 15 ms per records page at 20M rows for the same few thousand
/// rollup rows, summed again for every user. One computation per key (the first reader's, in its own snapshot); a
/// waiter whose computation failed computes its own; entries of another version are dropped when a new one is seen.
/// </summary>
internal sealed class RollupPartCache<TValue>(int maxEntries = 256)
{
    private readonly Lock _gate = new();
    private string? _version;
    private Dictionary<string, Task<TValue>> _entries = new(StringComparer.Ordinal);

    public async Task<TValue> GetAsync(string version, string key, Func<Task<TValue>> compute)
    {
        Task<TValue>? shared;
        TaskCompletionSource<TValue>? mine = null;
        lock (_gate)
        {
            if (_version != version) (_version, _entries) = (version, new Dictionary<string, Task<TValue>>(StringComparer.Ordinal));
            if (!_entries.TryGetValue(key, out shared) && _entries.Count < maxEntries)
            {
                mine = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                _entries[key] = mine.Task;
            }
        }
        if (mine is null)
        {
            if (shared is null) return await compute(); // full: many filter combinations in one version; not kept
            try { return await shared; }
            catch (Exception) { return await compute(); } // the first reader's failure (its timeout, its cancellation) is not ours
        }
        try
        {
            var value = await compute();
            mine.SetResult(value);
            return value;
        }
        catch (Exception ex)
        {
            lock (_gate)
                if (_entries.TryGetValue(key, out var entry) && entry == mine.Task) _entries.Remove(key);
            mine.SetException(ex);
            _ = mine.Task.Exception; // observed: waiters compute their own
            throw;
        }
    }
}
