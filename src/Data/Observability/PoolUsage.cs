using System.Diagnostics.Metrics;

namespace Admin.Data.Observability;

/// <summary>One pool's connections on this node, from Npgsql's own meter (db.client.connection.count / .max).</summary>
public sealed record PoolState(string Pool, long Used, long Idle, long? Max);

/// <summary>
/// Reads Npgsql's pool gauges for the Performance page with a MeterListener of its own (the same figures the metrics
/// endpoint exports), so the page needs no exporter and no query.
/// </summary>
public sealed class PoolUsage : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, (long Used, long Idle, long? Max)> _pools = [];
    private readonly Lock _gate = new();

    public PoolUsage()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.connection.count" or "db.client.connection.max")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => OnMeasurement(i, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<PoolState> Read()
    {
        lock (_gate)
        {
            _pools.Clear();
            _listener.RecordObservableInstruments();
            return [.. _pools.OrderBy(p => p.Key).Select(p => new PoolState(p.Key, p.Value.Used, p.Value.Idle, p.Value.Max))];
        }
    }

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string pool = "", state = "";
        foreach (var t in tags)
        {
            if (t.Key is "db.client.connection.pool.name" or "pool.name") pool = t.Value as string ?? "";
            else if (t.Key is "db.client.connection.state" or "state") state = t.Value as string ?? "";
        }
        var current = _pools.GetValueOrDefault(pool);
        if (instrument.Name == "db.client.connection.max") current.Max = value;
        else if (state == "used") current.Used += value;
        else if (state == "idle") current.Idle += value;
        _pools[pool] = current;
    }

    public void Dispose() => _listener.Dispose();
}
