using System.Buffers.Binary;
using System.Text;

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

    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        var end = data.Length - 20;
        var updated = Int(data, end);
        var frames = Int(data, end + 4);
        var disposedComponents = Int(data, end + 8);
        var disposedHandlers = Int(data, end + 12);
        var stringTable = Int(data, end + 16);
        var strings = ReadStrings(data, stringTable, end);
        return new RenderBatch(ReadDiffs(data, updated, strings), ReadFrames(data, frames, strings),
            ReadInts(data, disposedComponents), ReadLongs(data, disposedHandlers));
    }

    private static string[] ReadStrings(ReadOnlySpan<byte> data, int start, int end)
    {
        var result = new string[(end - start) / 4];
        for (var i = 0; i < result.Length; i++)
        {
            var at = Int(data, start + i * 4);
            var length = ReadLeb128(data, ref at);
            result[i] = Encoding.UTF8.GetString(data.Slice(at, length));
        }
        return result;
    }

    private static ComponentDiff[] ReadDiffs(ReadOnlySpan<byte> data, int at, string[] strings)
    {
        var result = new ComponentDiff[Int(data, at)];
        for (var i = 0; i < result.Length; i++)
        {
            var diff = Int(data, at + 4 + i * 4);
            var edits = new Edit[Int(data, diff + 4)];
            for (var j = 0; j < edits.Length; j++)
            {
                var e = diff + 8 + j * EditSize;
                edits[j] = new Edit((EditType)Int(data, e), Int(data, e + 4), Int(data, e + 8), Str(data, e + 12, strings));
            }
            result[i] = new ComponentDiff(Int(data, diff), edits);
        }
        return result;
    }

    private static Frame[] ReadFrames(ReadOnlySpan<byte> data, int at, string[] strings)
    {
        var result = new Frame[Int(data, at)];
        for (var i = 0; i < result.Length; i++)
        {
            var f = at + 4 + i * FrameSize;
            var type = (FrameType)Int(data, f);
            result[i] = type switch
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

    private static int[] ReadInts(ReadOnlySpan<byte> data, int at)
    {
        var result = new int[Int(data, at)];
        for (var i = 0; i < result.Length; i++) result[i] = Int(data, at + 4 + i * 4);
        return result;
    }

    private static ulong[] ReadLongs(ReadOnlySpan<byte> data, int at)
    {
        var result = new ulong[Int(data, at)];
        for (var i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(at + 4 + i * 8, 8));
        return result;
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data.Slice(at, 4));

    private static string? Str(ReadOnlySpan<byte> data, int at, string[] strings) => Int(data, at) is >= 0 and var i ? strings[i] : null;

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
