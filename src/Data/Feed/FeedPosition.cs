namespace Admin.Data.Feed;

/// <summary>
/// A place in the change feed: the writing transaction's id, then the row id. Every row the feed returned lies at or
/// before it; every row it has not returned yet (or ever will) lies after it.
/// </summary>
public readonly record struct FeedPosition(ulong ChangeXid, Guid Id) : IComparable<FeedPosition>
{
    public int CompareTo(FeedPosition other)
    {
        var x = ChangeXid.CompareTo(other.ChangeXid);
        // PostgreSQL orders uuids bytewise, in the order they are written (big-endian): compare the same way.
        return x != 0 ? x : CompareUuids(Id, other.Id);
    }

    public static int CompareUuids(Guid a, Guid b)
    {
        Span<byte> x = stackalloc byte[16];
        Span<byte> y = stackalloc byte[16];
        a.TryWriteBytes(x, bigEndian: true, out _);
        b.TryWriteBytes(y, bigEndian: true, out _);
        return x.SequenceCompareTo(y);
    }
}
