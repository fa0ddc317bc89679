using System.Buffers;
using MessagePack;
using MessagePack.Formatters;

namespace Admin.Load.Protocol;

/// <summary>
/// A MessagePack bin argument (a render batch) in an array rented from the shared pool, instead of the new byte[] per
/// batch MessagePack's own formatter makes: that was 18 % of the harness's allocations at 500 users, and a large page's
/// batch lands on the large object heap, which only a gen2 collection frees. <see cref="Dispose"/> returns the array; one
/// never returned (an invocation that never reaches its handler) is only garbage, as every batch's array was before.
/// </summary>
public sealed class PooledBytes : IDisposable
{
    private byte[]? _array;

    private PooledBytes(byte[] array, int length) => (_array, Length) = (array, length);

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _array is { } array ? array.AsSpan(0, Length) : throw new ObjectDisposedException(nameof(PooledBytes));

    public static PooledBytes CopyOf(in ReadOnlySequence<byte> bytes)
    {
        var length = checked((int)bytes.Length);
        var array = ArrayPool<byte>.Shared.Rent(length);
        bytes.CopyTo(array);
        return new PooledBytes(array, length);
    }

    /// <summary>Back to the pool; once only, whoever calls it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array) ArrayPool<byte>.Shared.Return(array);
    }

    /// <summary>Reads a bin (or nil) into a <see cref="PooledBytes"/>, as MessagePack's ByteArrayFormatter reads it into a byte[].</summary>
    public sealed class Formatter : IMessagePackFormatter<PooledBytes?>
    {
        public static Formatter Instance { get; } = new();

        public PooledBytes? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            reader.ReadBytes() is { } bytes ? CopyOf(bytes) : null;

        public void Serialize(ref MessagePackWriter writer, PooledBytes? value, MessagePackSerializerOptions options)
        {
            if (value is null) writer.WriteNil();
            else writer.Write(value.Span);
        }
    }
}
