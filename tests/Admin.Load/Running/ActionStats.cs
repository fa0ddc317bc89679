using System.Collections.Concurrent;
using Admin.Load.Circuits;

namespace Admin.Load.Running;

/// <summary>Every action's timings and every error, by action name, shared by all virtual users.</summary>
public sealed class ActionStats
{
    private readonly ConcurrentDictionary<string, List<double>> _timings = new();
    private readonly ConcurrentDictionary<string, List<double>> _parts = new();
    private readonly ConcurrentDictionary<(string Action, FailureKind Kind), int> _errors = new();
    private readonly ConcurrentQueue<string> _errorSamples = new();
    private int _circuitsStarted, _circuitsFailed, _circuitsAlive;

    public Timeline Timeline { get; } = new();

    public void Record(string action, TimeSpan elapsed)
    {
        Add(_timings, action, elapsed);
        Timeline.Action(elapsed.TotalMilliseconds);
    }

    /// <summary>A share of an action's time (a browser user's wait on the server, its page's own work): reported beside the actions, counted in nothing.</summary>
    public void RecordPart(string part, TimeSpan elapsed) => Add(_parts, part, elapsed);

    private static void Add(ConcurrentDictionary<string, List<double>> timings, string name, TimeSpan elapsed)
    {
        var list = timings.GetOrAdd(name, _ => []);
        lock (list) list.Add(elapsed.TotalMilliseconds);
    }

    public void Error(string action, FailureKind kind, string message)
    {
        _errors.AddOrUpdate((action, kind), 1, (_, n) => n + 1);
        if (_errorSamples.Count < 50) _errorSamples.Enqueue($"{action}: {kind}: {message}");
    }

    public void CircuitStarted() { Interlocked.Increment(ref _circuitsStarted); Interlocked.Increment(ref _circuitsAlive); }
    /// <param name="batches">The circuit's render batches, and <paramref name="bytes"/> their size: what the server sent to draw.</param>
    public void CircuitEnded(bool failed, int batches = 0, long bytes = 0)
    {
        Interlocked.Decrement(ref _circuitsAlive);
        if (failed) Interlocked.Increment(ref _circuitsFailed);
        Interlocked.Add(ref _renderBatches, batches);
        Interlocked.Add(ref _renderBytes, bytes);
    }

    private long _renderBatches, _renderBytes;
    public long RenderBatches => Interlocked.Read(ref _renderBatches);
    public long RenderBytes => Interlocked.Read(ref _renderBytes);

    public int CircuitsStarted => _circuitsStarted;
    public int CircuitsFailed => _circuitsFailed;
    public int CircuitsAlive => _circuitsAlive;
    public int Actions => _timings.Values.Sum(l => { lock (l) return l.Count; });
    public int Errors => _errors.Values.Sum();
    public IReadOnlyCollection<string> ErrorSamples => _errorSamples;

    public IReadOnlyList<ActionSummary> Summaries() =>
        Summarise(_timings, _timings.Keys.Concat(_errors.Keys.Select(k => k.Action)));

    public IReadOnlyList<ActionSummary> PartSummaries() => Summarise(_parts, _parts.Keys);

    private IReadOnlyList<ActionSummary> Summarise(ConcurrentDictionary<string, List<double>> timings, IEnumerable<string> names) =>
        names.Distinct().Order(StringComparer.Ordinal).Select(name =>
        {
            double[] values = [];
            if (timings.TryGetValue(name, out var list)) lock (list) values = [.. list];
            Array.Sort(values);
            var errors = _errors.Where(kv => kv.Key.Action == name).ToDictionary(kv => kv.Key.Kind.ToString(), kv => kv.Value);
            return new ActionSummary(name, values.Length, Percentile(values, 50), Percentile(values, 95), Percentile(values, 99),
                values.Length == 0 ? null : values[^1], errors.Values.Sum(), errors);
        }).ToList();

    /// <summary>Nearest-rank percentile; null without samples.</summary>
    public static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

public sealed record ActionSummary(string Action, int Count, double? P50, double? P95, double? P99, double? Max, int Errors, IReadOnlyDictionary<string, int> ErrorsByKind);
