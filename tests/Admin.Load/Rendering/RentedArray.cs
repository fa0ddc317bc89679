using System.Buffers;
using System.Runtime.CompilerServices;

namespace Admin.Load.Rendering;

/// <summary>The first <see cref="Length"/> items of an array rented from the shared pool, until <see cref="Return"/>.</summary>
public struct RentedArray<T>(int length)
{
    private T[]? _array = length == 0 ? [] : ArrayPool<T>.Shared.Rent(length);

    public readonly int Length => length;

    public readonly Span<T> Span => _array is { } array ? array.AsSpan(0, length) : throw new ObjectDisposedException(nameof(RentedArray<T>));

    /// <summary>Back to the pool, cleared of references (a pooled array would otherwise keep a batch's strings alive).</summary>
    public void Return()
    {
        if (_array is { Length: > 0 } array) ArrayPool<T>.Shared.Return(array, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        _array = null;
    }
}
