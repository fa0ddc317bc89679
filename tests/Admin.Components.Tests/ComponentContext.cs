using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Admin.Components.Tests;

/// <summary>A bunit context with MudBlazor's services and loose JS interop (the components' JS is not under test here).</summary>
internal static class ComponentContext
{
    public static BunitContext Create()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }
}
