using System.Collections.Concurrent;

namespace Admin.Data.Columns;

/// <summary>
/// One instance of each short text a column repeats across rows (a source, a district code, a city, a name). A page
/// keeps the rows it shows until its user's next action, seconds later, so at hundreds of circuits a string per row
/// per column survived every garbage collection in between, and was copied by each. Bounded: past
/// <paramref name="maxEntries"/> values, or for a text longer than <paramref name="maxLength"/>, a read keeps its own.
/// </summary>
internal sealed class SharedStrings(int maxEntries = 65_536, int maxLength = 64)
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private int _count; // ConcurrentDictionary.Count takes every lock

    public string Share(string text)
    {
        if (text.Length > maxLength) return text;
        if (_strings.TryGetValue(text, out var shared)) return shared;
        if (Volatile.Read(ref _count) >= maxEntries) return text;
        // Another reader may have added the same text meanwhile: then its string is the one.
        var kept = _strings.GetOrAdd(text, text);
        if (ReferenceEquals(kept, text)) Interlocked.Increment(ref _count);
        return kept;
    }
}
