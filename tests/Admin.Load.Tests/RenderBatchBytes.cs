using System.Text;
using Admin.Load.Rendering;

namespace Admin.Load.Tests;

/// <summary>
/// Writes a render batch in the server's format (RenderBatchWriter's: diffs, frames, disposed ids, a string table, five
/// offsets at the end), for the reader's tests. Every string is an entry of its own, repeats too, as texts are.
/// </summary>
internal static class RenderBatchBytes
{
    public static byte[] Write((int ComponentId, Edit[] Edits)[] diffs, Frame[] frames, int[] disposedComponents, ulong[] disposedHandlers)
    {
        var strings = new List<string>();
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream); // little-endian, as the server writes
        int Str(string? s)
        {
            if (s is null) return -1;
            strings.Add(s);
            return strings.Count - 1;
        }

        var diffOffsets = new List<int>();
        foreach (var (componentId, edits) in diffs)
        {
            diffOffsets.Add((int)stream.Position);
            w.Write(componentId);
            w.Write(edits.Length);
            foreach (var e in edits)
            {
                w.Write((int)e.Type);
                w.Write(e.SiblingIndex);
                w.Write(e.Reference);
                w.Write(Str(e.RemovedAttributeName));
            }
        }
        var updated = (int)stream.Position;
        w.Write(diffOffsets.Count);
        foreach (var offset in diffOffsets) w.Write(offset);

        var framesAt = (int)stream.Position;
        w.Write(frames.Length);
        foreach (var f in frames)
        {
            w.Write((int)f.Type);
            var (a, b, c) = f.Type switch
            {
                FrameType.Element => (f.SubtreeLength, Str(f.Name), 0UL),
                FrameType.Text or FrameType.Markup or FrameType.ElementReferenceCapture => (Str(f.Text), 0, 0UL),
                FrameType.Attribute => (Str(f.Name), Str(f.Text), f.EventHandlerId),
                FrameType.Component => (f.SubtreeLength, f.ComponentId, 0UL),
                FrameType.Region => (f.SubtreeLength, 0, 0UL),
                _ => (0, 0, 0UL),
            };
            w.Write(a);
            w.Write(b);
            w.Write(c);
        }

        var disposedComponentsAt = (int)stream.Position;
        w.Write(disposedComponents.Length);
        foreach (var id in disposedComponents) w.Write(id);
        var disposedHandlersAt = (int)stream.Position;
        w.Write(disposedHandlers.Length);
        foreach (var id in disposedHandlers) w.Write(id);

        var stringOffsets = new List<int>();
        foreach (var s in strings)
        {
            stringOffsets.Add((int)stream.Position);
            var utf8 = Encoding.UTF8.GetBytes(s);
            w.Write7BitEncodedInt(utf8.Length); // LEB128, as the server's length prefix
            w.Write(utf8);
        }
        var stringTable = (int)stream.Position;
        foreach (var offset in stringOffsets) w.Write(offset);

        foreach (var offset in new[] { updated, framesAt, disposedComponentsAt, disposedHandlersAt, stringTable }) w.Write(offset);
        w.Flush();
        return stream.ToArray();
    }
}
