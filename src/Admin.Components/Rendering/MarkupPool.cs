using System.Collections.Concurrent;

namespace Admin.Components.Rendering;

/// <summary>
/// One copy of each markup string, by content: circuits that show the same thing (a filter's options with the same
/// counts, in most analysts' circuits at once) hold one string between them, not one each. Bounded: once it holds
/// <see cref="MaxChars"/> characters, new strings are returned as they are.
/// </summary>
public static class MarkupPool
{
    public const int MaxChars = 4 * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static long _chars;

    public static string Intern(string markup)
    {
        if (Pool.TryGetValue(markup, out var shared)) return shared;
        if (Interlocked.Read(ref _chars) + markup.Length > MaxChars) return markup;
        if (!Pool.TryAdd(markup, markup)) return Pool.TryGetValue(markup, out shared) ? shared : markup;
        Interlocked.Add(ref _chars, markup.Length);
        return markup;
    }
}
