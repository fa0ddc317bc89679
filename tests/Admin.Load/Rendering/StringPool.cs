using System.Collections.Concurrent;
using System.Text;

namespace Admin.Load.Rendering;

/// <summary>
/// One string for each short text the render batches carry, shared by every circuit: a batch's string table repeats
/// what every page holds (element and attribute names, classes, labels), and a new string for each entry of each batch
/// was the harness's largest allocation (29 % at 500 users). Thread-safe (circuits decode their batches in parallel).
/// </summary>
public sealed class StringPool
{
    /// <summary>
    /// The pool the reader uses. Bounded, because the one-of-a-kind texts (a row's phone number, a time) would otherwise
    /// be kept for the whole run: only texts up to 256 chars (long ones are mostly row markup, seen once), and once
    /// 100,000 are kept a new text is only allocated; the ones that repeat were seen on the first pages.
    /// </summary>
    public static StringPool Shared { get; } = new(256, 100_000);

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public StringPool(int maxLength, int maxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 1024); // a text is decoded on the stack
        (MaxLength, MaxEntries) = (maxLength, maxEntries);
        _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The longest text kept, in chars (from UTF-8: in bytes, of which a char takes at least one).</summary>
    public int MaxLength { get; }
    public int MaxEntries { get; }

    /// <summary>Texts kept (ConcurrentDictionary's own count takes all its locks).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The text of <paramref name="utf8"/>: the pool's string for it if there is one, else a new one (kept while there is room).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[utf8.Length]; // never more chars than bytes
        return Get(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }

    /// <summary>The pool's string for <paramref name="text"/> if there is one, else a new one (kept while there is room).</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength) return new string(text);
        if (_bySpan.TryGetValue(text, out var pooled)) return pooled;
        var created = new string(text);
        if (Count >= MaxEntries) return created;
        // Another circuit may have added the same text meanwhile: then its string is the one (and the count may pass
        // the cap by the few threads racing here, which does not matter).
        var kept = _strings.GetOrAdd(created, created);
        if (ReferenceEquals(kept, created)) Interlocked.Increment(ref _count);
        return kept;
    }
}
