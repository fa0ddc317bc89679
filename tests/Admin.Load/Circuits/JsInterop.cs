using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Admin.Load.Circuits;

/// <summary>
/// Answers the JS calls the server makes ("JS.BeginInvokeJS") the way the browser would for this app: Blazor's own
/// (renderer interop, navigation, page title), the KeysetGrid module (import, observe, shift, scrollToTop, scrollToBottom, focusActive, release) and
/// MudBlazor's (popover provider count, window size, element rectangles...). A call it has no answer for returns
/// null, which is what most of them return in the browser; every identifier seen is counted, so a run can list them.
/// </summary>
public sealed class JsInterop(BlazorCircuit circuit)
{
    /// <summary>JSCallResultType: Default, JSObjectReference, JSStreamReference, JSVoidResult.</summary>
    private const int ObjectReference = 1;

    public const double WindowWidth = 1600, WindowHeight = 900;
    private static readonly JsonObject Rect = new() { ["top"] = 100, ["left"] = 100, ["width"] = 300, ["height"] = 40, ["bottom"] = 140, ["right"] = 400, ["x"] = 100, ["y"] = 100, ["windowHeight"] = WindowHeight, ["windowWidth"] = WindowWidth, ["scrollX"] = 0, ["scrollY"] = 0 };

    public static ConcurrentDictionary<string, int> Seen { get; } = new();

    private long _nextObjectId;
    private readonly ConcurrentDictionary<long, string> _objects = new();
    private readonly ConcurrentDictionary<string, GridViewport> _observers = new(); // by the viewport element's id

    public GridViewport? Viewport { get; private set; }

    private TaskCompletionSource _observed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a grid viewport is observed (at once while one is).</summary>
    public Task Observed => Volatile.Read(ref _observed).Task;

    /// <summary>The result (already JSON) of one call, or an exception message.</summary>
    public (bool Ok, JsonNode? Result) Answer(string identifier, string? argsJson, int resultType, long targetInstanceId)
    {
        var target = targetInstanceId == 0 ? "" : _objects.GetValueOrDefault(targetInstanceId, "?") + ".";
        Seen.AddOrUpdate(target + identifier, 1, (_, n) => n + 1);
        var args = string.IsNullOrEmpty(argsJson) ? new JsonArray() : JsonNode.Parse(argsJson) as JsonArray ?? [];
        switch (target + identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                circuit.RendererObjectId = DotNetObjectId(args[1]);
                return (true, null);
            case "Blazor._internal.navigationManager.navigateTo":
                var options = args[1] as JsonObject;
                circuit.OnServerNavigation(args[0]!.GetValue<string>(), options?["replaceHistoryEntry"]?.GetValue<bool>() == true);
                return (true, null);
            case "import":
                return (true, NewObject(args[0]?.GetValue<string>() ?? "module"));
            case "./_content/Admin.Components/keysetGrid.js.observe":
                var element = ElementId(args[0]);
                var viewport = new GridViewport(DotNetObjectId(args[1]), Math.Round(WindowHeight * 0.65), element);
                _observers[element] = viewport;
                Viewport = viewport;
                Volatile.Read(ref _observed).TrySetResult();
                circuit.ReportViewportSoon(viewport); // observe() reports the position once right away
                return (true, null);
            case "./_content/Admin.Components/keysetGrid.js.release":
                if (_observers.TryRemove(ElementId(args[0]), out var released)) Stop(released);
                return (true, null);
            case "./_content/Admin.Components/keysetGrid.js.shift":
                return Scrolled(v => v.ScrollBy(args[1]!.GetValue<double>(), circuit.DomUnsafe));
            case "./_content/Admin.Components/keysetGrid.js.scrollToTop":
                return Scrolled(v => v.ScrollToTop());
            case "./_content/Admin.Components/keysetGrid.js.scrollToBottom":
                return Scrolled(v => v.ScrollToBottom(circuit.DomUnsafe));
            case "./_content/Admin.Components/keysetGrid.js.focusActive":
                // Only a grid key asks for it, and the harness presses none; a browser would also scroll the row into view.
                return (true, null);
            case "DotNet.disposeJSObjectReferenceById":
                Release(args[0]!.GetValue<long>());
                return (true, null);
            case "window.hasOwnProperty":
                // MudBlazor asks whether its script is on the page (it is, in App.razor); null would fail its bool.
                return (true, true);
            case "mudpopoverHelper.countProviders":
                return (true, 1);
            case "mudResizeListener.getBrowserWindowSize":
            case "mudResizeListenerFactory.getBrowserWindowSize":
                return (true, new JsonObject { ["width"] = WindowWidth, ["height"] = WindowHeight });
            case "mudResizeListener.matchMedia":
                return (true, true);
            case "mudElementRef.getBoundingClientRect":
            case "mudElementRef.getClientRectFromParent":
            case "mudElementRef.getClientRectFromFirstChild":
            case "mudWindow.getBoundingClientRect":
            case "mudGetSvgBBox":
                return (true, Rect.DeepClone());
        }
        return (true, resultType == ObjectReference ? NewObject(identifier) : null);
    }

    // The grid's viewport moved by .NET: as in the browser, the scroll event that follows reports the new position.
    private (bool Ok, JsonNode? Result) Scrolled(Action<GridViewport> scroll)
    {
        if (Viewport is { } viewport)
        {
            scroll(viewport);
            circuit.ReportViewportSoon(viewport);
        }
        return (true, null);
    }

    private JsonObject NewObject(string kind)
    {
        var id = Interlocked.Increment(ref _nextObjectId);
        _objects[id] = kind;
        return new JsonObject { ["__jsObjectId"] = id };
    }

    /// <summary>Releases an object the server disposed ("DisposeJSObjectReferenceById").</summary>
    public void Release(long id) => _objects.TryRemove(id, out _);

    // Like keysetGrid.js's release(): the viewport reports nothing more.
    private void Stop(GridViewport gone)
    {
        gone.Disposed = true;
        if (Viewport != gone) return;
        Viewport = null;
        Interlocked.Exchange(ref _observed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private static string ElementId(JsonNode? node) =>
        node?["__internalId"]?.GetValue<string>() ?? throw new InvalidOperationException("Expected an ElementReference argument.");

    private static long DotNetObjectId(JsonNode? node) =>
        node?["__dotNetObject"]?.GetValue<long>() ?? throw new InvalidOperationException("Expected a DotNetObjectReference argument.");
}
