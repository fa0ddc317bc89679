using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Admin.Data.Bulk;

/// <summary>
/// A growable byte buffer that writes values in PostgreSQL's binary COPY format: each field is a 4-byte big-endian
/// length (-1 for NULL) followed by the type's binary send format. Reused from batch to batch.
/// </summary>
internal sealed class CopyBuffer(int capacity)
{
    /// <summary>"PGCOPY\n\377\r\n\0", then 32-bit flags and header-extension length (both 0).</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>A field count of -1 ends the data.</summary>
    public static ReadOnlySpan<byte> Trailer => [0xFF, 0xFF];

    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private byte[] _bytes = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Makes room for <paramref name="bytes"/> more; callers reserve once per row, then write unchecked.</summary>
    public void Reserve(int bytes)
    {
        if (Length + bytes > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + bytes));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Take(int n)
    {
        var span = _bytes.AsSpan(Length, n);
        Length += n;
        return span;
    }

    public void StartRow(short fields) => BinaryPrimitives.WriteInt16BigEndian(Take(2), fields);

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void Uuid(Guid value)
    {
        var span = Take(20);
        BinaryPrimitives.WriteInt32BigEndian(span, 16);
        value.TryWriteBytes(span[4..], bigEndian: true, out _);
    }

    /// <summary>UTF-8 text (text, varchar). The generator's strings are short; the caller reserves 4 + 3 bytes per char.</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var lengthAt = Length;
        Length += 4;
        var written = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(Length));
        BinaryPrimitives.WriteInt32BigEndian(_bytes.AsSpan(lengthAt), written);
        Length += written;
    }

    /// <summary>jsonb's binary format: a version byte (1), then the JSON text.</summary>
    public void Jsonb(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var lengthAt = Length;
        Length += 4;
        _bytes[Length++] = 1;
        var written = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(Length));
        BinaryPrimitives.WriteInt32BigEndian(_bytes.AsSpan(lengthAt), written + 1);
        Length += written;
    }

    public void Bool(bool value)
    {
        var span = Take(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
    }

    public void Bool(bool? value)
    {
        if (value is { } v) Bool(v);
        else Null();
    }

    public void Int(int? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        var span = Take(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], v);
    }

    public void Double(double? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], v);
    }

    /// <summary>date: days since 2000-01-01.</summary>
    public void Date(DateOnly? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        var span = Take(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], v.DayNumber - PostgresEpochDay);
    }

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC.</summary>
    public void TimestampTz(DateTimeOffset value)
    {
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], (value.UtcTicks - PostgresEpochTicks) / 10);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(Take(bytes.Length));
    }
}
