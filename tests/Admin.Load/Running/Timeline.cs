using System.Diagnostics;

namespace Admin.Load.Running;

/// <summary>
/// The run in windows of <see cref="Window"/>: actions, how many took over <see cref="SlowMs"/>, the slowest, and what the
/// harness itself went through (its GC pauses, its thread pool's queue). Tails that gather in a few windows across every
/// action are a stall of something shared; a stall that matches the harness's own pauses is the harness's, not the app's.
/// </summary>
public sealed class Timeline
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    public const double SlowMs = 1000;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Bucket> _buckets = [];
    private TimeSpan _gcPause0 = GC.GetTotalPauseDuration();

    public void Action(double ms)
    {
        lock (_buckets)
        {
            var b = Current();
            b.Actions++;
            if (ms > SlowMs) b.Slow++;
            b.MaxMs = Math.Max(b.MaxMs, ms);
        }
    }

    /// <summary>Called every couple of seconds: the harness's GC pause since the last call and its pool's queue now.</summary>
    public void Sample()
    {
        var pause = GC.GetTotalPauseDuration();
        lock (_buckets)
        {
            var b = Current();
            b.HarnessGcPauseMs += (pause - _gcPause0).TotalMilliseconds;
            b.HarnessQueueMax = Math.Max(b.HarnessQueueMax, ThreadPool.PendingWorkItemCount);
        }
        _gcPause0 = pause;
    }

    public IReadOnlyList<TimelineWindow> Windows()
    {
        lock (_buckets)
            return _buckets.Select((b, i) => new TimelineWindow((int)(i * Window.TotalSeconds), b.Actions, b.Slow, Math.Round(b.MaxMs),
                Math.Round(b.HarnessGcPauseMs), b.HarnessQueueMax)).ToList();
    }

    private Bucket Current()
    {
        var index = (int)(_clock.Elapsed / Window);
        while (_buckets.Count <= index) _buckets.Add(new Bucket());
        return _buckets[index];
    }

    private sealed class Bucket
    {
        public int Actions, Slow;
        public double MaxMs, HarnessGcPauseMs;
        public long HarnessQueueMax;
    }
}

/// <summary>One window of the run: its start (s), actions, those over a second, the slowest (ms), the harness's GC pause (ms) and queue.</summary>
public sealed record TimelineWindow(int Second, int Actions, int Slow, double MaxMs, double HarnessGcPauseMs, long HarnessQueueMax);
