using Admin.Data.Entities;
using System.Security.Claims;
using Admin.Data.Security;
using Admin.Security;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Admin.Tests.Ui;

/// <summary>
/// A bunit context that can render the app's MudBlazor components, as a logged-in user of one role. Use as
/// `await using var ctx = UiTestContext.Create()` (not by inheriting BunitContext: MudBlazor's services are
/// async-disposable, which xunit v2 test classes are not).
/// </summary>
internal static class UiTestContext
{
    /// <param name="services">Registrations for the component under test; they must come before the first render.</param>
    /// <param name="renderer">Defaults to a live Server circuit; MainLayout reads it to mark the page interactive.</param>
    /// <param name="role">The logged-in user's role (null: nobody logged in). Named policies follow the app's rules.</param>
    /// <param name="userId">The user's id claim, for pages that act as the user (the audit trail names them by it).</param>
    public static BunitContext Create(Action<IServiceCollection>? services = null, RendererInfo? renderer = null, string? role = Roles.Admin, string? userId = null)
    {
        var ctx = new BunitContext();
        // MudBlazor calls JS for popovers, scroll and resize; none of it matters to what is rendered.
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddAdminTables();
        var auth = ctx.AddAuthorization();
        if (role is not null)
        {
            auth.SetAuthorized(role.ToLowerInvariant());
            auth.SetRoles(role);
            auth.SetPolicies(PoliciesOf(role));
            if (userId is not null) auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        }
        services?.Invoke(ctx.Services);
        // Pages show times in the display zone: the default unless the test's services configured one.
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(ctx.Services, Admin.Data.Time.DisplayTimeZone.Default);
        ctx.SetRendererInfo(renderer ?? new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    /// <summary>The app's named policies a role satisfies (Policies.Add).</summary>
    public static string[] PoliciesOf(string role) => role switch
    {
        Roles.Admin => [Policies.Records, Policies.Hotspots, Policies.Admin],
        Roles.Analyst => [Policies.Records, Policies.Hotspots],
        Roles.Manager => [Policies.Hotspots],
        _ => [],
    };
}
