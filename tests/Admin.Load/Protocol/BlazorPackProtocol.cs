using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Admin.Load.Protocol;

/// <summary>
/// The Blazor hub's "blazorpack" protocol: SignalR's MessagePack hub protocol under another name (blazor.web.js does
/// the same: a MessagePackHubProtocol whose name it sets to 'blazorpack'). The server only accepts this name on /_blazor.
/// </summary>
public sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new(Options.Create(PooledBatches));

    /// <summary>
    /// SignalR's own serializer options (its resolvers, untrusted-data security) that also read a <see cref="PooledBytes"/>
    /// argument (the render batch). One for every circuit: a resolver caches the formatters it finds, per instance.
    /// </summary>
    private static readonly MessagePackHubProtocolOptions PooledBatches = WithPooledBytes(new MessagePackHubProtocolOptions());

    private static MessagePackHubProtocolOptions WithPooledBytes(MessagePackHubProtocolOptions options)
    {
        options.SerializerOptions = options.SerializerOptions.WithResolver(
            CompositeResolver.Create([PooledBytes.Formatter.Instance], [options.SerializerOptions.Resolver]));
        return options;
    }

    public string Name => "blazorpack";
    public int Version => 1;
    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => version == Version;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
}
