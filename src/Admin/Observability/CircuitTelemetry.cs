using Admin.Data.Observability;
using Admin.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Admin.Observability;

/// <summary>
/// Counts circuits open and connected on this node (admin.circuits.open / .active), and tags what a circuit does with
/// its user's role: every event the circuit handles runs with <see cref="InteractionContext.Role"/> set.
/// </summary>
public sealed class CircuitTelemetry(AuthenticationStateProvider authentication) : CircuitHandler
{
    private static long _open, _active;
    private string? _role;

    public static long Open => Interlocked.Read(ref _open);
    public static long Active => Interlocked.Read(ref _active);

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        AdminTelemetry.CircuitsOpen.Add(1);
        try
        {
            _role = (await authentication.GetAuthenticationStateAsync()).User.PrimaryRole();
        }
        catch (InvalidOperationException)
        {
            _role = null; // no authentication state in this circuit (yet)
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        AdminTelemetry.CircuitsOpen.Add(-1);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _active);
        AdminTelemetry.CircuitsActive.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _active);
        AdminTelemetry.CircuitsActive.Add(-1);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            InteractionContext.Role = _role;
            return next(context);
        };
}
