namespace Admin.Data.Exports;

/// <summary>Wakes the worker when a job is queued or one finishes in this process, instead of waiting for its next poll.</summary>
public sealed class ExportJobSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { } // already signalled
    }

    internal async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _signal.WaitAsync(timeout, ct);
}
