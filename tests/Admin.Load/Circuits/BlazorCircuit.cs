using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Admin.Load.Protocol;
using Admin.Load.Rendering;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Load.Circuits;

/// <summary>
/// One browser tab's circuit, headless: the same hub calls blazor.web.js makes on /_blazor (StartCircuit,
/// UpdateRootComponents with the page's markers, OnRenderCompleted per batch, BeginInvokeDotNetFromJS for events and
/// JS-invokables, EndInvokeJSFromDotNet for the server's JS calls, OnLocationChanged for navigation), and a render tree
/// kept from the batches so an action can wait until its result is on screen.
/// </summary>
public sealed class BlazorCircuit : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly RenderTree _tree = new();
    private readonly List<Waiter> _waiters = [];
    private readonly HashSet<string> _fetched = []; // addresses the page's scripts fetch, answered (under _gate)
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _calls = new();
    private readonly Stack<Uri> _back = new();
    private readonly SessionClient _session;
    private HubConnection _hub = null!;
    private string? _circuitId;
    private long _nextCallId;
    private static readonly bool Trace = Environment.GetEnvironmentVariable("ADMIN_LOAD_TRACE") == "1";

    private static void TraceLine(string text)
    {
        if (Trace) Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {(text.Length > 400 ? text[..400] : text)}");
    }

    private BlazorCircuit(SessionClient session)
    {
        _session = session;
        Js = new JsInterop(this);
        DomUnsafe = new Dom(_tree, _fetched);
    }

    public JsInterop Js { get; }
    public Uri Location { get; private set; } = null!;
    public long RendererObjectId { get; internal set; }
    public int Batches { get; private set; }
    public long BatchBytes { get; private set; }
    /// <summary>Batches acknowledged so far (OnRenderCompleted sent).</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);
    private int _acknowledged;

    /// <summary>
    /// How long after applying a batch this tab acknowledges it (<see cref="Running.LoadOptions.AckDelay"/>): a browser applies a
    /// batch on its main thread and acknowledges it after, later still when the page's own work or a busy machine holds
    /// that thread. The server runs OnAfterRender only once a batch is acknowledged, so what waits for it waits for the
    /// browser; zero acknowledges at once. <see cref="Timeout.InfiniteTimeSpan"/> holds every acknowledgement back.
    /// </summary>
    public TimeSpan AckDelay { get; init; }
    private readonly CancellationTokenSource _closing = new();
    /// <summary>The first thing that broke this circuit, if anything did.</summary>
    public CircuitFailureException? Failure { get; private set; }
    /// <summary>Errors that did not end the circuit (a failed JS-invokable call), for the report.</summary>
    public Action<FailureKind, string>? OnSoftError { get; set; }
    public bool IsAlive => Failure is null && _hub.State == HubConnectionState.Connected;

    /// <summary>The tree without the lock: only for code already running inside a batch or a query.</summary>
    internal Dom DomUnsafe { get; }

    /// <summary>GETs the page, starts its circuit, and waits until <paramref name="ready"/> holds in the render tree.</summary>
    /// <param name="onSoftError">Becomes <see cref="OnSoftError"/> before the circuit starts: what goes wrong while it opens is counted too.</param>
    public static async Task<BlazorCircuit> StartAsync(SessionClient session, string path, Func<Dom, bool> ready, TimeSpan timeout, CancellationToken ct,
        Action<FailureKind, string>? onSoftError = null, TimeSpan ackDelay = default)
    {
        var circuit = new BlazorCircuit(session) { OnSoftError = onSoftError, AckDelay = ackDelay };
        try
        {
            var (url, html) = await session.GetPageAsync(path, ct);
            var markers = PageMarkers.Parse(html);
            if (markers.Components.Count == 0) throw new CircuitFailureException(FailureKind.StartFailed, $"{path} has no interactive server component markers.");
            circuit.Location = url;
            await circuit.ConnectAsync(markers, ct);
            await circuit.WaitAsync(ready, timeout, $"page {path} ready", ct);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync(PageMarkers markers, CancellationToken ct)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(_session.BaseAddress, "_blazor"), o =>
            {
                o.Cookies = _session.Cookies;
                o.Transports = HttpTransportType.WebSockets;
                // Browsers always offer permessage-deflate, and a server that accepts it keeps compression state per
                // connection (memory and CPU a headless client that does not offer it would never cost the server).
                o.WebSocketConfiguration = ws => ws.DangerousDeflateOptions = new WebSocketDeflateOptions();
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        _hub = builder.Build();
        _hub.On<long, PooledBytes>("JS.RenderBatch", OnRenderBatchAsync);
        _hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        _hub.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        _hub.On<int, string>("JS.AttachComponent", (id, selector) => { lock (_gate) _tree.AttachRoot(id, selector); });
        _hub.On<string>("JS.Error", message => Fail(new CircuitFailureException(FailureKind.CircuitTerminated, "circuit terminated: " + message)));
        _hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        _hub.On<int, bool>("JS.EndLocationChanging", (_, _) => { });
        _hub.Closed += error =>
        {
            if (!_disposing) Fail(new CircuitFailureException(FailureKind.Disconnect, "disconnected: " + (error?.Message ?? "closed by the server")));
            return Task.CompletedTask;
        };
        await _hub.StartAsync(ct);
        var baseUri = _session.BaseAddress.ToString();
        _circuitId = await _hub.InvokeAsync<string?>("StartCircuit", baseUri, Location.ToString(), "[]", markers.ApplicationState, ct)
            ?? throw new CircuitFailureException(FailureKind.StartFailed, "StartCircuit returned no circuit id.");
        await _hub.SendAsync("UpdateRootComponents", markers.AddOperations(1), markers.ApplicationState, ct);
    }

    private volatile bool _disposing;

    private async Task OnRenderBatchAsync(long batchId, PooledBytes data)
    {
        List<Waiter> done;
        List<string>? sources;
        TraceLine($"<- batch {batchId} ({data.Length} bytes)");
        RenderBatch batch;
        using (data) batch = RenderBatchReader.Read(data.Span); // the bytes back to the pool once decoded, or not decodable
        using (batch) // and the batch's arrays once applied
        lock (_gate)
        {
            _tree.Apply(batch);
            if (Trace) TraceLine($"   diffs {string.Join("; ", batch.Diffs.ToArray().Select(d => $"c{d.ComponentId}:{d.EditCount}e {_tree.Describe(d.ComponentId)}"))} disposed c{batch.DisposedComponentIds.Length} h{batch.DisposedEventHandlerIds.Length} frames {batch.Frames.Length}");
            Batches++;
            BatchBytes += data.Length;
            sources = _tree.TakeSources();
            done = SatisfiedUnsafe();
        }
        foreach (var w in done) w.Complete();
        if (sources is not null) foreach (var source in sources) _ = FetchAsync(source);
        if (AckDelay == TimeSpan.Zero) await AcknowledgeAsync(batchId);
        else _ = Task.Delay(AckDelay, _closing.Token).ContinueWith(t => t.IsCanceled ? Task.CompletedTask : AcknowledgeAsync(batchId), TaskScheduler.Default).Unwrap();
    }

    private async Task AcknowledgeAsync(long batchId)
    {
        try
        {
            await _hub.SendAsync("OnRenderCompleted", batchId, null);
            Interlocked.Increment(ref _acknowledged);
        }
        catch (Exception ex) when (!_disposing)
        {
            Fail(new CircuitFailureException(FailureKind.Disconnect, "could not acknowledge a batch: " + ex.Message));
        }
    }

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        bool ok;
        JsonNode? result;
        TraceLine($"<- JS {identifier} target={targetInstanceId} {argsJson}");
        try
        {
            lock (_gate) (ok, result) = Js.Answer(identifier, argsJson, resultType, targetInstanceId);
        }
        catch (Exception ex)
        {
            (ok, result) = (false, ex.Message);
            OnSoftError?.Invoke(FailureKind.JsInteropFailure, $"{identifier}: {ex.Message}");
        }
        if (asyncHandle == 0) return;
        var payload = new JsonArray(asyncHandle, ok, result).ToJsonString();
        try
        {
            await _hub.SendAsync("EndInvokeJSFromDotNet", asyncHandle, ok, payload);
        }
        catch (Exception) when (_disposing) { }
    }

    private void OnEndInvokeDotNet(string callId, bool success, string resultOrError)
    {
        if (!_calls.TryRemove(callId, out var call)) return;
        if (success) call.TrySetResult(resultOrError);
        else call.TrySetException(new CircuitFailureException(FailureKind.UnhandledException, "a .NET call failed: " + resultOrError));
    }

    /// <summary>
    /// Calls a [JSInvokable] method on a DotNetObjectReference the server gave out, like DotNetObject.invokeMethodAsync.
    /// <paramref name="released"/> says whether the object's owner has since been released on this side: a call that
    /// crossed its release on the wire fails on the server ("no tracked object"), as it would from a browser's page, and
    /// is not an error of the server's.
    /// </summary>
    public Task<string> InvokeDotNetAsync(long objectId, string method, string argsJson, Func<bool>? released = null)
    {
        if (_disposing) return Task.FromCanceled<string>(new CancellationToken(canceled: true));
        var callId = Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var call = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[callId] = call;
        _ = SendOrFailAsync("BeginInvokeDotNetFromJS", callId, null, method, objectId, argsJson);
        // Not once the tab is closing: a call still in flight when the disconnect beacon freed the circuit is answered
        // "Circuit has been shut down due to error." (a browser sends nothing after it; this client's animation-frame
        // viewport reports can), which is not an error of the server's.
        _ = call.Task.ContinueWith(t =>
            {
                if (!_disposing && released?.Invoke() != true) OnSoftError?.Invoke(FailureKind.UnhandledException, $"{method}: {t.Exception!.InnerException!.Message}");
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return call.Task;
    }

    private async Task SendOrFailAsync(string method, params object?[] args)
    {
        TraceLine($"-> {method} {string.Join(", ", args)}");
        try
        {
            await _hub.SendCoreAsync(method, args);
        }
        catch (Exception ex) when (!_disposing)
        {
            Fail(new CircuitFailureException(FailureKind.Disconnect, $"{method} could not be sent: {ex.Message}"));
        }
    }

    /// <summary>Dispatches a browser event to a handler the render tree holds, like blazor.web.js's EventDelegator.</summary>
    public Task DispatchEventAsync(ElementNode element, string eventName, JsonObject args)
    {
        ulong handler;
        int? componentId;
        lock (_gate)
        {
            if (!element.Events.TryGetValue(eventName, out handler))
                throw new CircuitFailureException(FailureKind.ExpectedMissing, $"{element} has no {eventName} handler.");
            componentId = FieldComponent(element);
        }
        var fieldInfo = componentId is { } c && args["value"] is { } v && element.Name is "input" or "select" or "textarea"
            ? new JsonObject { ["componentId"] = c, ["fieldValue"] = v.DeepClone() }
            : null;
        var descriptor = new JsonObject { ["eventHandlerId"] = handler, ["eventName"] = eventName, ["eventFieldInfo"] = fieldInfo };
        return InvokeDotNetAsync(RendererObjectId, "DispatchEventAsync", new JsonArray(descriptor, args.DeepClone()).ToJsonString());
    }

    private static int? FieldComponent(Node node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
            if (n is ComponentNode c) return c.ComponentId;
        return null;
    }

    /// <summary>
    /// Sends <paramref name="act"/> and returns the time until a render batch makes <paramref name="expected"/> true.
    /// Throws a <see cref="CircuitFailureException"/> when the circuit breaks or the result never shows.
    /// </summary>
    public async Task<TimeSpan> MeasureAsync(Func<Task> act, Func<Dom, bool> expected, TimeSpan timeout, string what, CancellationToken ct)
    {
        var waiter = new Waiter(expected);
        lock (_gate)
        {
            if (Failure is not null) throw Failure;
            _waiters.Add(waiter);
        }
        var clock = Stopwatch.StartNew();
        waiter.Clock = clock;
        try
        {
            await act();
        }
        catch
        {
            lock (_gate) _waiters.Remove(waiter);
            throw;
        }
        return await Finish(waiter, timeout, what, ct);
    }

    /// <summary>Waits (without sending anything) until <paramref name="expected"/> holds; it may hold already.</summary>
    public async Task<TimeSpan> WaitAsync(Func<Dom, bool> expected, TimeSpan timeout, string what, CancellationToken ct)
    {
        var waiter = new Waiter(expected) { Clock = Stopwatch.StartNew() };
        lock (_gate)
        {
            if (Failure is not null) throw Failure;
            if (expected(DomUnsafe)) return TimeSpan.Zero;
            _waiters.Add(waiter);
        }
        return await Finish(waiter, timeout, what, ct);
    }

    private async Task<TimeSpan> Finish(Waiter waiter, TimeSpan timeout, string what, CancellationToken ct)
    {
        try
        {
            await waiter.Done.Task.WaitAsync(timeout, ct);
            return waiter.Elapsed;
        }
        catch (TimeoutException)
        {
            lock (_gate) _waiters.Remove(waiter);
            if (Failure is not null) throw Failure;
            throw new CircuitFailureException(FailureKind.ExpectedMissing, $"{what}: not seen within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>Reads the tree under the circuit's lock.</summary>
    public T Query<T>(Func<Dom, T> query)
    {
        lock (_gate) return query(DomUnsafe);
    }

    /// <summary>A link click or an address typed: the interactive router navigates without a page load.</summary>
    public Task NavigateAsync(string relative, bool intercepted = true)
    {
        var target = new Uri(_session.BaseAddress, relative.TrimStart('/'));
        _back.Push(Location);
        Location = target;
        return SendOrFailAsync("OnLocationChanged", target.ToString(), null, intercepted);
    }

    /// <summary>The browser's Back button (popstate).</summary>
    public Task BackAsync()
    {
        if (_back.Count == 0) throw new InvalidOperationException("No page to go back to.");
        Location = _back.Pop();
        return SendOrFailAsync("OnLocationChanged", Location.ToString(), null, false);
    }

    /// <summary>NavigationManager.NavigateTo from the server: the client updates history and reports the new location.</summary>
    internal void OnServerNavigation(string uri, bool replace)
    {
        var target = new Uri(_session.BaseAddress, uri); // relative to document.baseURI, as the browser resolves it
        if (!replace) _back.Push(Location);
        Location = target;
        _ = SendOrFailAsync("OnLocationChanged", target.ToString(), null, false);
    }

    /// <summary>Like keysetGrid.js: the scroll position goes to .NET on the next animation frame.</summary>
    internal void ReportViewportSoon(GridViewport viewport) =>
        _ = Task.Run(async () =>
        {
            await Task.Delay(16);
            string args;
            lock (_gate)
            {
                if (viewport.Disposed) return;
                args = viewport.ReportArgs;
            }
            // The grid can go (a new query, a page change) while this report is on its way, as in a browser.
            await InvokeDotNetAsync(viewport.DotNetObjectId, "OnViewportChanged", args, () => viewport.Disposed).ContinueWith(_ => { }, TaskScheduler.Default);
        });

    /// <summary>
    /// Scrolls the grid viewport like a reader's wheel and reports it. A grid shows its first rows without waiting for the
    /// browser to attach its listeners, so a wheel can turn before observe() has come: the element scrolls and observe()
    /// reports where it is once attached, so the scroll waits for it (inside the action's time), up to
    /// <see cref="ObserveWait"/>; a grid never observed is an expected element missing.
    /// </summary>
    public async Task ScrollGridAsync(double pixels)
    {
        if (Js.Viewport is null)
        {
            try
            {
                await Js.Observed.WaitAsync(ObserveWait);
            }
            catch (TimeoutException)
            {
                throw new CircuitFailureException(FailureKind.ExpectedMissing, "no grid viewport is being observed");
            }
        }
        string args;
        long objectId;
        lock (_gate)
        {
            var viewport = Js.Viewport ?? throw new CircuitFailureException(FailureKind.ExpectedMissing, "no grid viewport is being observed");
            viewport.ScrollBy(pixels, DomUnsafe);
            (args, objectId) = (viewport.ReportArgs, viewport.DotNetObjectId);
        }
        await InvokeDotNetAsync(objectId, "OnViewportChanged", args);
    }

    // The waiters whose result is now in the tree, taken off the list (under _gate).
    private List<Waiter> SatisfiedUnsafe()
    {
        var done = _waiters.Where(w => w.Check(DomUnsafe)).ToList();
        foreach (var w in done) _waiters.Remove(w);
        return done;
    }

    // What the page's scripts fetch by address (mapLayers.js: a map layer's cells), fetched as the browser does; the
    // actions waiting for the page see it once it has arrived (Dom.SourcesLoaded).
    private async Task FetchAsync(string source)
    {
        TraceLine($"-> GET {source}");
        bool answered;
        try { answered = await _session.FetchAsync(source, CancellationToken.None); }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { answered = false; }
        if (!answered)
        {
            OnSoftError?.Invoke(FailureKind.FetchFailed, $"GET {source} was not answered with content");
            return;
        }
        List<Waiter> done;
        lock (_gate)
        {
            _fetched.Add(source);
            done = SatisfiedUnsafe();
        }
        foreach (var w in done) w.Complete();
    }

    internal static readonly TimeSpan ObserveWait = TimeSpan.FromSeconds(10);

    private void Fail(CircuitFailureException failure)
    {
        List<Waiter> waiting;
        lock (_gate)
        {
            Failure ??= failure;
            waiting = [.. _waiters];
            _waiters.Clear();
        }
        foreach (var w in waiting) w.Done.TrySetException(Failure);
        foreach (var call in _calls.Values) call.TrySetException(Failure);
    }

    /// <summary>Closes the tab: the disconnect beacon (so the server frees the circuit now, not after its retention period), then the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await SendDisconnectBeaconAsync();
        if (_hub is not null)
        {
            try { await _hub.DisposeAsync(); } catch (Exception) { }
        }
        _closing.Dispose();
    }

    /// <summary>The first half of closing the tab: from here on nothing is sent, and what the server answers is not an error.</summary>
    internal async Task SendDisconnectBeaconAsync()
    {
        _disposing = true;
        _closing.Cancel();
        if (_circuitId is null) return;
        try
        {
            using var form = new FormUrlEncodedContent([new("circuitId", _circuitId)]);
            using var _ = await _session.Http.PostAsync("_blazor/disconnect", form);
        }
        catch (Exception) { /* the server may be gone already */ }
    }

    private sealed class Waiter(Func<Dom, bool> expected)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Stopwatch? Clock { get; set; }
        public TimeSpan Elapsed { get; private set; }

        public bool Check(Dom dom)
        {
            try { return expected(dom); }
            catch (Exception) { return false; }
        }

        public void Complete()
        {
            Elapsed = Clock?.Elapsed ?? TimeSpan.Zero;
            Done.TrySetResult();
        }
    }
}
