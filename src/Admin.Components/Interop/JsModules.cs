using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.JSInterop;

namespace Admin.Components.Interop;

/// <summary>
/// One import of a component's script module per browser page, shared by every instance on it. An import per instance
/// costs two round trips in each one's life (the import and the reference's release), and under load every round trip
/// costs the server a serialized call, a compressed frame and an answer to read. Keyed weakly by the circuit's
/// <see cref="IJSRuntime"/>, so a page's modules go with it; the browser keeps a module for the page's life anyway.
/// </summary>
internal static class JsModules
{
    private static readonly ConditionalWeakTable<IJSRuntime, ConcurrentDictionary<string, Task<IJSObjectReference>>> Imported = new();

    public static async Task<IJSObjectReference> ImportAsync(this IJSRuntime js, string path)
    {
        var modules = Imported.GetOrCreateValue(js);
        var import = modules.GetOrAdd(path, p => js.InvokeAsync<IJSObjectReference>("import", p).AsTask());
        try
        {
            return await import;
        }
        catch
        {
            modules.TryRemove(KeyValuePair.Create(path, import)); // a failed import is tried again by the next caller
            throw;
        }
    }
}
