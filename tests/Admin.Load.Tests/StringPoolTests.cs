using System.Text;
using Admin.Load.Rendering;

namespace Admin.Load.Tests;

/// <summary>The render batches' texts: one string for equal bytes, within the pool's bounds.</summary>
public sealed class StringPoolTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text); // a new array each time

    [Theory]
    [InlineData("kg-row")]
    [InlineData("")]
    [InlineData("Loading…")]
    [InlineData("Gauteng · 4.1M")]
    public void Equal_bytes_give_the_same_string(string text)
    {
        var pool = new StringPool(256, 100);
        var first = pool.Get(Utf8(text));
        Assert.Equal(text, first);
        Assert.Same(first, pool.Get(Utf8(text)));
        Assert.Same(first, pool.Get(text.AsSpan()));
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Invalid_utf8_reads_as_the_decoder_reads_it()
    {
        byte[] bytes = [0x61, 0xFF, 0xC3];
        Assert.Equal(Encoding.UTF8.GetString(bytes), new StringPool(256, 100).Get(bytes));
    }

    [Fact]
    public void Texts_longer_than_the_limit_are_not_kept()
    {
        var pool = new StringPool(8, 100);
        Assert.Same(pool.Get(Utf8("12345678")), pool.Get(Utf8("12345678")));
        var longer = pool.Get(Utf8("123456789"));
        Assert.Equal("123456789", longer);
        Assert.NotSame(longer, pool.Get(Utf8("123456789")));
        Assert.NotSame(pool.Get("123456789".AsSpan()), pool.Get("123456789".AsSpan()));
        // Eight chars but more bytes: the UTF-8 is measured in bytes, a char taking at least one.
        Assert.NotSame(pool.Get(Utf8("1234567…")), pool.Get(Utf8("1234567…")));
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Past_the_cap_new_texts_are_only_allocated_and_kept_ones_still_shared()
    {
        var pool = new StringPool(256, 2);
        var a = pool.Get(Utf8("a"));
        var b = pool.Get(Utf8("b"));
        var c = pool.Get(Utf8("c"));
        Assert.Equal("c", c);
        Assert.NotSame(c, pool.Get(Utf8("c")));
        Assert.Same(a, pool.Get(Utf8("a")));
        Assert.Same(b, pool.Get(Utf8("b")));
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void Circuits_decoding_at_once_get_one_string()
    {
        var pool = new StringPool(256, 100_000);
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => seen.Add(pool.Get(Utf8("text-" + i % 50))));
        Assert.Equal(50, pool.Count);
        Assert.All(seen.GroupBy(s => s), g => Assert.Single(g.Distinct(ReferenceEqualityComparer.Instance)));
    }
}
