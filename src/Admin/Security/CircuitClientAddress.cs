using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Admin.Security;

/// <summary>The client address of a circuit, captured while the circuit opens (the last moment an HttpContext exists).</summary>
public sealed class CircuitClientAddress
{
    public string? Value { get; set; }
}

internal sealed class ClientAddressCircuitHandler(IHttpContextAccessor http, CircuitClientAddress address) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Value ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return Task.CompletedTask;
    }
}
