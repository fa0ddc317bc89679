using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Admin.Load.Tests;

/// <summary>
/// A circuit handler that, while armed, throws on any inbound call (event, JS result, navigation) of a circuit whose
/// page address contains <see cref="UrlContains"/>: the server side of a page that blows up. The circuit is torn down
/// and the client is told with "JS.Error", exactly as for an unhandled exception in a component.
/// </summary>
public sealed class PlantedFault(NavigationManager navigation) : CircuitHandler
{
    public static volatile string? UrlContains;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context => UrlContains is { } marker && navigation.Uri.Contains(marker, StringComparison.Ordinal)
            ? throw new InvalidOperationException("Planted fault: the page threw.")
            : next(context);
}

/// <summary>While armed, the map's cells by address (what a page's script fetches) answer 500: a broken endpoint beside a working circuit.</summary>
public sealed class PlantedFetchFault : IStartupFilter
{
    public static volatile bool Armed;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate inner) =>
        {
            if (!Armed || !context.Request.Path.StartsWithSegments("/hotspots/cells")) return inner(context);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        next(app);
    };
}
