using System.Collections.Concurrent;

namespace Admin.Data.Exports;

/// <summary>The jobs running in this process and their cancellation, so a Cancel on the page stops the COPY at once.</summary>
public sealed class RunningExports
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _jobs = new();

    internal void Add(Guid id, CancellationTokenSource cts) => _jobs[id] = cts;

    internal void Remove(Guid id) => _jobs.TryRemove(id, out _);

    public bool IsRunningHere(Guid id) => _jobs.ContainsKey(id);

    /// <summary>Cancels the job if it runs in this process; elsewhere, its next progress write finds it cancelled.</summary>
    public void TryCancel(Guid id)
    {
        if (!_jobs.TryGetValue(id, out var cts)) return;
        try { cts.Cancel(); }
        catch (ObjectDisposedException) { }
    }
}
