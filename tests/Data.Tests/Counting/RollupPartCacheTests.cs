using Admin.Data.Counting;

namespace Admin.Data.Tests.Counting;

/// <summary>
/// The cache of the rollups' half of exact counts: one computation per key and version, however many readers ask at
/// once; a failed computation is not kept (and its waiters compute their own); a new version drops the old entries.
/// </summary>
public sealed class RollupPartCacheTests
{
    [Fact]
    public async Task Concurrent_readers_of_one_key_share_one_computation()
    {
        var cache = new RollupPartCache<int>();
        var computations = 0;
        var release = new TaskCompletionSource();
        async Task<int> Compute()
        {
            Interlocked.Increment(ref computations);
            await release.Task;
            return 42;
        }
        var readers = Enumerable.Range(0, 20).Select(_ => cache.GetAsync("v1", "all", Compute)).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(readers), v => Assert.Equal(42, v));
        Assert.Equal(1, computations);
        Assert.Equal(42, await cache.GetAsync("v1", "all", () => throw new InvalidOperationException("must come from the cache")));
    }

    [Fact]
    public async Task A_new_version_or_another_key_computes_again()
    {
        var cache = new RollupPartCache<string>();
        Assert.Equal("a1", await cache.GetAsync("v1", "a", () => Task.FromResult("a1")));
        Assert.Equal("b1", await cache.GetAsync("v1", "b", () => Task.FromResult("b1")));
        Assert.Equal("a2", await cache.GetAsync("v2", "a", () => Task.FromResult("a2")));
        // v1's entries went with the new version.
        Assert.Equal("b-again", await cache.GetAsync("v1", "b", () => Task.FromResult("b-again")));
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept_and_its_waiters_compute_their_own()
    {
        var cache = new RollupPartCache<int>();
        var fail = new TaskCompletionSource<int>();
        var first = cache.GetAsync("v1", "k", () => fail.Task);
        var waiter = cache.GetAsync("v1", "k", () => Task.FromResult(7));
        fail.SetException(new TimeoutException("the first reader's statement timeout"));
        await Assert.ThrowsAsync<TimeoutException>(() => first);
        Assert.Equal(7, await waiter);
        Assert.Equal(8, await cache.GetAsync("v1", "k", () => Task.FromResult(8)));
    }

    [Fact]
    public async Task Past_its_size_it_computes_without_keeping()
    {
        var cache = new RollupPartCache<int>(maxEntries: 2);
        await cache.GetAsync("v1", "a", () => Task.FromResult(1));
        await cache.GetAsync("v1", "b", () => Task.FromResult(2));
        Assert.Equal(3, await cache.GetAsync("v1", "c", () => Task.FromResult(3)));
        Assert.Equal(4, await cache.GetAsync("v1", "c", () => Task.FromResult(4)));
        Assert.Equal(1, await cache.GetAsync("v1", "a", () => Task.FromResult(-1)));
    }
}
