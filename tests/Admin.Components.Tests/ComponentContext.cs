using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Admin.Components.Tests;

/// <summary>
/// A bunit context with MudBlazor's services and loose JS interop (the components' JS is not under test here), rendering
/// as a live circuit does.
/// </summary>
internal static class ComponentContext
{
    public static BunitContext Create(Action<IServiceCollection>? services = null)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        services?.Invoke(ctx.Services);
        ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }
}
