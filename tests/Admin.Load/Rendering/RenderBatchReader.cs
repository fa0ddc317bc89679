using System.Buffers.Binary;

namespace Admin.Load.Rendering;

/// <summary>
/// Decodes the binary RenderBatch the server sends in "JS.RenderBatch" (RenderBatchWriter's format, read by the
/// browser's OutOfProcessRenderBatch). The last 20 bytes are five int32 offsets: updated components, reference frames,
/// disposed component ids, disposed event handler ids, string table. Strings are int32 indexes into the table (-1 = null),
/// whose entries point at LEB128-length-prefixed UTF-8.
/// </summary>
public static class RenderBatchReader
{
    private const int FrameSize = 20, EditSize = 16;

    /// <summary>Decodes <paramref name="data"/>, which is not needed after; the batch's texts come from <paramref name="pool"/> (by default the shared one).</summary>
    public static RenderBatch Read(ReadOnlySpan<byte> data, StringPool? pool = null)
    {
        var end = data.Length - 20;
        var updated = Int(data, end);
        var frames = Int(data, end + 4);
        var disposedComponents = Int(data, end + 8);
        var disposedHandlers = Int(data, end + 12);
        var stringTable = Int(data, end + 16);
        var strings = ReadStrings(data, stringTable, end, pool ?? StringPool.Shared);
        try
        {
            var (diffs, edits) = ReadDiffs(data, updated, strings.Span);
            return new RenderBatch(diffs, edits, ReadFrames(data, frames, strings.Span),
                ReadInts(data, disposedComponents), ReadLongs(data, disposedHandlers));
        }
        finally
        {
            strings.Return();
        }
    }

    private static RentedArray<string> ReadStrings(ReadOnlySpan<byte> data, int start, int end, StringPool pool)
    {
        var result = new RentedArray<string>((end - start) / 4);
        var span = result.Span;
        for (var i = 0; i < span.Length; i++)
        {
            var at = Int(data, start + i * 4);
            var length = ReadLeb128(data, ref at);
            span[i] = pool.Get(data.Slice(at, length));
        }
        return result;
    }

    // Every component's edits in one array (their count summed first), each diff pointing at its own.
    private static (RentedArray<ComponentDiff>, RentedArray<Edit>) ReadDiffs(ReadOnlySpan<byte> data, int at, ReadOnlySpan<string> strings)
    {
        var diffs = new RentedArray<ComponentDiff>(Int(data, at));
        var total = 0;
        for (var i = 0; i < diffs.Length; i++) total += Int(data, Int(data, at + 4 + i * 4) + 4);
        var edits = new RentedArray<Edit>(total);
        var diffSpan = diffs.Span;
        var editSpan = edits.Span;
        var next = 0;
        for (var i = 0; i < diffSpan.Length; i++)
        {
            var diff = Int(data, at + 4 + i * 4);
            var count = Int(data, diff + 4);
            for (var j = 0; j < count; j++)
            {
                var e = diff + 8 + j * EditSize;
                editSpan[next + j] = new Edit((EditType)Int(data, e), Int(data, e + 4), Int(data, e + 8), Str(data, e + 12, strings));
            }
            diffSpan[i] = new ComponentDiff(Int(data, diff), next, count);
            next += count;
        }
        return (diffs, edits);
    }

    private static RentedArray<Frame> ReadFrames(ReadOnlySpan<byte> data, int at, ReadOnlySpan<string> strings)
    {
        var result = new RentedArray<Frame>(Int(data, at));
        var span = result.Span;
        for (var i = 0; i < span.Length; i++)
        {
            var f = at + 4 + i * FrameSize;
            var type = (FrameType)Int(data, f);
            span[i] = type switch
            {
                FrameType.Element => new Frame(type, Int(data, f + 4), 0, Str(data, f + 8, strings), null, 0),
                FrameType.Text or FrameType.Markup or FrameType.ElementReferenceCapture => new Frame(type, 1, 0, null, Str(data, f + 4, strings), 0),
                FrameType.Attribute => new Frame(type, 1, 0, Str(data, f + 4, strings), Str(data, f + 8, strings), BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(f + 12, 8))),
                FrameType.Component => new Frame(type, Int(data, f + 4), Int(data, f + 8), null, null, 0),
                FrameType.Region => new Frame(type, Int(data, f + 4), 0, null, null, 0),
                _ => new Frame(type, 1, 0, null, null, 0),
            };
        }
        return result;
    }

    private static RentedArray<int> ReadInts(ReadOnlySpan<byte> data, int at)
    {
        var result = new RentedArray<int>(Int(data, at));
        var span = result.Span;
        for (var i = 0; i < span.Length; i++) span[i] = Int(data, at + 4 + i * 4);
        return result;
    }

    private static RentedArray<ulong> ReadLongs(ReadOnlySpan<byte> data, int at)
    {
        var result = new RentedArray<ulong>(Int(data, at));
        var span = result.Span;
        for (var i = 0; i < span.Length; i++) span[i] = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(at + 4 + i * 8, 8));
        return result;
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data.Slice(at, 4));

    private static string? Str(ReadOnlySpan<byte> data, int at, ReadOnlySpan<string> strings) => Int(data, at) is >= 0 and var i ? strings[i] : null;

    private static int ReadLeb128(ReadOnlySpan<byte> data, ref int at)
    {
        int result = 0, shift = 0;
        byte b;
        do
        {
            b = data[at++];
            result |= (b & 0x7F) << shift;
            shift += 7;
        } while (b >= 0x80);
        return result;
    }
}
