using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>
/// Counts that ran past their limit, remembered on this node for <see cref="CountOptions.SlowCountMemory"/>. Without it
/// every person opening the same list spends the full limit of a PostgreSQL core on a count that cannot finish (at 300
/// users the audit trail's count at ~190k rows did, each open); with it only the first two do, and the rest get the
/// estimate at once. Two strikes, because one cut-off count may only mean the server was busy for a moment (a 400-row
/// count did, in a loaded CI run): a count that finishes clears its strike. Bounded: past <see cref="Capacity"/>
/// statements it starts again empty.
/// </summary>
public sealed class SlowCounts(TimeSpan lifetime, TimeProvider clock)
{
    public const int Capacity = 10_000;
    public const int Strikes = 2;

    private readonly ConcurrentDictionary<string, (int Strikes, DateTimeOffset Until)> _seen = new(StringComparer.Ordinal);

    public bool IsKnownSlow(string sql, IEnumerable<NpgsqlParameter> parameters) =>
        Current(Key(sql, parameters)) is { Strikes: >= Strikes };

    /// <summary>A count cut off: a strike, and the memory of both strikes starts again from now.</summary>
    public void Remember(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        if (lifetime <= TimeSpan.Zero) return;
        if (_seen.Count >= Capacity) _seen.Clear();
        var key = Key(sql, parameters);
        var strikes = (Current(key)?.Strikes ?? 0) + 1;
        _seen[key] = (strikes, clock.GetUtcNow() + lifetime);
    }

    /// <summary>A count finished within its limit: its strike, if any, is forgotten.</summary>
    public void Forget(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        if (!_seen.IsEmpty) _seen.TryRemove(Key(sql, parameters), out _);
    }

    private (int Strikes, DateTimeOffset Until)? Current(string key)
    {
        if (!_seen.TryGetValue(key, out var seen)) return null;
        if (seen.Until > clock.GetUtcNow()) return seen;
        _seen.TryRemove(KeyValuePair.Create(key, seen));
        return null;
    }

    // The statement and its values: the same filter gives the same key whoever asks.
    private static string Key(string sql, IEnumerable<NpgsqlParameter> parameters) =>
        string.Join('\u001f', parameters.Select(p => Text(p.Value)).Prepend(sql));

    private static string Text(object? value) => value switch
    {
        null or DBNull => "\u0000",
        string s => s,
        IEnumerable items => "[" + string.Join('\u001e', items.Cast<object?>().Select(Text)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
