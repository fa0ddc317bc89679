using System.Buffers;
using Admin.Load.Protocol;
using Admin.Load.Rendering;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Admin.Load.Tests;

/// <summary>"JS.RenderBatch" as the server sends it (SignalR's MessagePack protocol), its batch read into a pooled array.</summary>
public sealed class PooledBytesTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(7)] // the message in several segments, as a socket's reads can leave it
    public void The_batch_reads_into_pooled_bytes_and_decodes_as_from_a_byte_array(int segmentSize)
    {
        var bytes = RenderBatchReaderTests.Batch();
        var message = new MessagePackHubProtocol().GetMessageBytes(new InvocationMessage("JS.RenderBatch", [42L, bytes]));

        var plain = Parse<byte[]>(new MessagePackHubProtocol(), message, int.MaxValue);
        var pooled = Parse<PooledBytes>(new BlazorPackProtocol(), message, segmentSize);

        Assert.Equal(42L, pooled.Arguments[0]);
        using var data = Assert.IsType<PooledBytes>(pooled.Arguments[1]);
        Assert.Equal(bytes, data.Span.ToArray());
        using var expected = RenderBatchReader.Read(Assert.IsType<byte[]>(plain.Arguments[1]));
        using var actual = RenderBatchReader.Read(data.Span);
        Assert.Equal(expected.Diffs.ToArray(), actual.Diffs.ToArray());
        Assert.Equal(expected.Edits(expected.Diffs[0]).ToArray(), actual.Edits(actual.Diffs[0]).ToArray());
        Assert.Equal(expected.Frames.ToArray(), actual.Frames.ToArray());
        Assert.Equal(expected.DisposedComponentIds.ToArray(), actual.DisposedComponentIds.ToArray());
        Assert.Equal(expected.DisposedEventHandlerIds.ToArray(), actual.DisposedEventHandlerIds.ToArray());
    }

    [Fact]
    public void Returned_bytes_are_not_read_again_and_a_second_return_does_nothing()
    {
        var data = PooledBytes.CopyOf(new ReadOnlySequence<byte>([1, 2, 3]));
        Assert.Equal([1, 2, 3], data.Span.ToArray());
        data.Dispose();
        Assert.Throws<ObjectDisposedException>(() => data.Span.Length);
        data.Dispose();
        Assert.Equal(3, data.Length); // still what the circuit counts as the batch's bytes
    }

    private static InvocationMessage Parse<TData>(IHubProtocol protocol, ReadOnlyMemory<byte> message, int segmentSize)
    {
        var input = Segments(message, segmentSize);
        Assert.True(protocol.TryParseMessage(ref input, new Binder(typeof(long), typeof(TData)), out var parsed));
        return Assert.IsType<InvocationMessage>(parsed);
    }

    private static ReadOnlySequence<byte> Segments(ReadOnlyMemory<byte> bytes, int size)
    {
        Segment? first = null, last = null;
        for (var at = 0; at < bytes.Length; at += size)
        {
            var segment = new Segment(bytes.Slice(at, Math.Min(size, bytes.Length - at)), last);
            first ??= segment;
            last = segment;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is null) return;
            RunningIndex = previous.RunningIndex + previous.Memory.Length;
            previous.Next = this;
        }
    }

    private sealed class Binder(params Type[] parameters) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => parameters;
        public Type GetReturnType(string invocationId) => throw new NotSupportedException();
        public Type GetStreamItemType(string streamId) => throw new NotSupportedException();
    }
}
