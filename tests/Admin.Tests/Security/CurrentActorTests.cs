using System.Security.Claims;
using Admin.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Security;

/// <summary>
/// A page whose user has just left (its circuit's services disposed) still audits what it loaded: seen under load as an
/// ObjectDisposedException from the actor lookup that ended the circuit and lost the audit entry.
/// </summary>
public sealed class CurrentActorTests
{
    [Fact]
    public async Task The_actor_is_known_after_the_circuits_services_are_disposed()
    {
        var services = new ServiceCollection();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitClientAddress>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuthenticationStateProvider, FixedUser>();
        await using var root = services.BuildServiceProvider();

        CurrentActor actor;
        await using (var scope = root.CreateAsyncScope())
        {
            actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
            scope.ServiceProvider.GetRequiredService<CircuitClientAddress>().Value = "10.1.2.3";
        }

        var who = await actor.GetAsync();
        Assert.Equal(("u-1", "ana", "10.1.2.3"), (who.Id, who.Name, who.ClientAddress));
    }

    private sealed class FixedUser : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal(
            new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u-1"), new Claim(ClaimTypes.Name, "ana")], "test"))));
    }
}
