using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Admin.Security;

/// <summary>
/// The user behind the current request or circuit. Plain HTTP requests (login, API, downloads) have an HttpContext;
/// an interactive circuit has none after it starts, so it reads the authentication state and the client address
/// captured when the circuit opened (<see cref="CircuitClientAddress"/>).
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, IServiceProvider services, CircuitClientAddress circuitAddress)
{
    // Resolved while the scope is alive: a page whose user has just left still audits what it loaded, and its
    // circuit's services are disposed by then (seen under load as ObjectDisposedException ending the circuit).
    private readonly AuthenticationStateProvider? _provider = services.GetService<AuthenticationStateProvider>();

    public async Task<Actor> GetAsync()
    {
        var context = http.HttpContext;
        ClaimsPrincipal? user = null;
        // In a circuit, the authentication state provider is the truth (it is revalidated); in a plain request it
        // may not be initialised, and the HttpContext's user is.
        if (_provider is { } provider)
        {
            try { user = (await provider.GetAuthenticationStateAsync()).User; }
            catch (InvalidOperationException) { user = null; }
        }
        if (user?.Identity?.IsAuthenticated != true)
            user = context?.User;
        var address = circuitAddress.Value ?? context?.Connection.RemoteIpAddress?.ToString();
        if (user?.Identity?.IsAuthenticated != true)
            return new Actor(null, "(anonymous)", null, address);
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "", user.PrimaryRole(), address);
    }
}
