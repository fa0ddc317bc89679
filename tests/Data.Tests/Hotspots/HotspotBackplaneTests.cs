using Admin.Data.Hotspots;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;

namespace Admin.Data.Tests.Hotspots;

/// <summary>
/// Two app nodes' hotspot caches over a real Redis backplane (the one `./admin.sh test` starts: ADMIN_TEST_REDIS):
/// an invalidation on one node (after a rollup refresh) expires the other node's entries too, while a value computed
/// on one node does not evict the other's.
/// </summary>
public sealed class HotspotBackplaneTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private static string Redis =>
        Environment.GetEnvironmentVariable("ADMIN_TEST_REDIS")
        ?? throw new InvalidOperationException(
            "ADMIN_TEST_REDIS is not set: run the tests with ./admin.sh test, which installs Debian's redis-server and starts one.");

    private HotspotCache Node(bool backplane = true)
    {
        var redis = backplane
            ? new RedisBackplane(Options.Create(new RedisBackplaneOptions { Configuration = Redis }), null)
            : null;
        var cache = new HotspotCache(Options.Create(new HotspotOptions { CacheDuration = TimeSpan.FromMinutes(10) }), TimeProvider.System, backplane: redis);
        _owned.Add(cache);
        return cache;
    }

    [Fact]
    public async Task An_invalidation_on_one_node_makes_every_node_recompute()
    {
        var key = "test:" + Guid.NewGuid().ToString("N");
        var a = Node();
        var b = Node();
        var alone = Node(backplane: false);
        int computedA = 0, computedB = 0, computedAlone = 0;
        Task<int> ComputeA(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref computedA));
        Task<int> ComputeB(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref computedB));
        Task<int> ComputeAlone(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref computedAlone));

        Assert.Equal(1, (await a.GetOrComputeAsync(key, ComputeA)).Value);
        Assert.Equal(1, (await b.GetOrComputeAsync(key, ComputeB)).Value);
        Assert.Equal(1, (await alone.GetOrComputeAsync(key, ComputeAlone)).Value);
        // A node subscribes to the backplane in the background as it starts (slow on a loaded machine): invalidate
        // until the other node has heard it, as the next refresh would.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int seenOnB;
        do
        {
            await a.InvalidateAsync();
            await Task.Delay(200);
            seenOnB = (await b.GetOrComputeAsync(key, ComputeB)).Value;
        }
        while (seenOnB == 1 && DateTime.UtcNow < deadline);
        Assert.Equal(2, seenOnB);
        // Now that B listens: A computing its own new value is not broadcast, so B keeps serving its copy.
        Assert.True((await a.GetOrComputeAsync(key, ComputeA)).Value >= 2);
        await Task.Delay(300);
        Assert.Equal(2, (await b.GetOrComputeAsync(key, ComputeB)).Value);
        // The control: a node without the backplane never heard of it.
        Assert.Equal(1, (await alone.GetOrComputeAsync(key, ComputeAlone)).Value);
    }

    public void Dispose() => _owned.ForEach(o => o.Dispose());
}
