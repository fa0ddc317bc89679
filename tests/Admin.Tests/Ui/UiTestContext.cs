using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Admin.Tests.Ui;

/// <summary>
/// A bunit context that can render the app's MudBlazor components. Use as `await using var ctx = UiTestContext.Create()`
/// (not by inheriting BunitContext: MudBlazor's services are async-disposable, which xunit v2 test classes are not).
/// </summary>
internal static class UiTestContext
{
    /// <param name="services">Registrations for the component under test; they must come before the first render.</param>
    /// <param name="renderer">Defaults to a live Server circuit; MainLayout reads it to mark the page interactive.</param>
    public static BunitContext Create(Action<IServiceCollection>? services = null, RendererInfo? renderer = null)
    {
        var ctx = new BunitContext();
        // MudBlazor calls JS for popovers, scroll and resize; none of it matters to what is rendered.
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        services?.Invoke(ctx.Services);
        ctx.SetRendererInfo(renderer ?? new RendererInfo("Server", isInteractive: true));
        return ctx;
    }
}
