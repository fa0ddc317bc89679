using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>
/// Counts that ran past their limit, remembered on this node for <see cref="CountOptions.SlowCountMemory"/>. Without it
/// every person opening the same list spends the full limit of a PostgreSQL core on a count that cannot finish (at 300
/// users the audit trail's count at ~190k rows did, each open); with it only the first does, and the rest get the
/// estimate at once. Bounded: past <see cref="Capacity"/> statements it starts again empty.
/// </summary>
public sealed class SlowCounts(TimeSpan lifetime, TimeProvider clock)
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    public bool IsKnownSlow(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var key = Key(sql, parameters);
        if (!_until.TryGetValue(key, out var until)) return false;
        if (until > clock.GetUtcNow()) return true;
        _until.TryRemove(KeyValuePair.Create(key, until));
        return false;
    }

    public void Remember(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        if (lifetime <= TimeSpan.Zero) return;
        if (_until.Count >= Capacity) _until.Clear();
        _until[Key(sql, parameters)] = clock.GetUtcNow() + lifetime;
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
