namespace Admin.Data.Exports;

/// <summary>When the export worker last polled the queue, for the readiness probe: a worker stuck or stopped stops beating.</summary>
public sealed class ExportWorkerHeartbeat(TimeProvider time)
{
    private long _ticks;

    /// <summary>Null until the worker's first poll (or when this node runs no worker).</summary>
    public DateTimeOffset? LastPoll => Interlocked.Read(ref _ticks) is var t && t == 0 ? null : new DateTimeOffset(t, TimeSpan.Zero);

    public bool Started { get; private set; }

    public void Start() => Started = true;

    public void Beat() => Interlocked.Exchange(ref _ticks, time.GetUtcNow().UtcTicks);
}
