using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane;

namespace Admin.Data.Hotspots;

/// <summary>
/// FusionCache (over Microsoft.Extensions.Caching.Memory) set up for the dashboard:
/// one factory run per key however many readers ask at once (its per-key lock), eager refresh near the end of
/// <see cref="HotspotOptions.CacheDuration"/>, and fail-safe: when a refresh fails, or takes longer than
/// <see cref="HotspotOptions.CacheSoftTimeout"/>, the previous value is served (the slow refresh finishes in the
/// background) for up to <see cref="HotspotOptions.CacheFailSafeMaxDuration"/>.
/// With a backplane (Redis, ConnectionStrings:Redis) <see cref="InvalidateAsync"/> on one node expires every node's
/// entries; a node's own computed values are not broadcast (each node fills its memory from the database).
/// </summary>
public sealed class HotspotCache : IDisposable
{
    private readonly FusionCache _cache;
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;

    public HotspotCache(IOptions<HotspotOptions> options, TimeProvider time, ILogger<FusionCache>? logger = null, IFusionCacheBackplane? backplane = null)
    {
        var o = options.Value;
        _time = time;
        _duration = o.CacheDuration;
        _cache = new FusionCache(new FusionCacheOptions
        {
            CacheName = "hotspots",
            DefaultEntryOptions = new FusionCacheEntryOptions
            {
                Duration = o.CacheDuration,
                EagerRefreshThreshold = 0.8f,
                IsFailSafeEnabled = true,
                FailSafeMaxDuration = o.CacheFailSafeMaxDuration,
                // After a failure, serve the stale value for a while before trying the database again.
                FailSafeThrottleDuration = TimeSpan.FromSeconds(Math.Min(30, Math.Max(1, o.CacheDuration.TotalSeconds / 2))),
                FactorySoftTimeout = o.CacheSoftTimeout,
                AllowTimedOutFactoryBackgroundCompletion = true,
                // Memory only: a value set here must not evict the other nodes' copies (they compute their own).
                // Only InvalidateAsync notifies them.
                SkipBackplaneNotifications = true,
            },
        }, logger: logger);
        if (backplane is not null) _cache.SetupBackplane(backplane);
    }

    /// <summary>
    /// Expires every entry, here and, through the backplane, on every node: the next read recomputes, and the old value
    /// stays available as fail-safe should that fail.
    /// </summary>
    public ValueTask InvalidateAsync(CancellationToken ct = default) =>
        _cache.ClearAsync(allowFailSafe: true, new FusionCacheEntryOptions { SkipBackplaneNotifications = false }, ct);

    /// <summary>The cached value for <paramref name="key"/>, computing it (once, whoever else is waiting) when missing or expired.</summary>
    public async Task<Cached<T>> GetOrComputeAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct = default)
    {
        var entry = await _cache.GetOrSetAsync<Computed<T>>(
            key,
            async (_, token) => new Computed<T>(await compute(token), _time.GetUtcNow()),
            token: ct);
        return new Cached<T>(entry.Value, entry.At, _time.GetUtcNow() - entry.At > _duration);
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Computed<T>(T Value, DateTimeOffset At);
}
