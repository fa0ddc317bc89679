using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Admin.Components.Rendering;

/// <summary>
/// Markup built once per key (by reference, e.g. a cached snapshot's cells) and variant, and shared by every circuit
/// and request that draws it, for as long as the key lives.
/// </summary>
public static class SharedMarkup
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, string>> Built = new();

    public static string Get(object key, string variant, Func<string> build) =>
        Built.GetOrCreateValue(key).GetOrAdd(variant, static (_, b) => b(), build);
}
