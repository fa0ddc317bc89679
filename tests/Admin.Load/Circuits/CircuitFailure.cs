namespace Admin.Load.Circuits;

/// <summary>What went wrong in a circuit, as counted in the report.</summary>
public enum FailureKind
{
    /// <summary>The server ended the circuit ("JS.Error": an unhandled exception in a component or handler).</summary>
    CircuitTerminated,
    /// <summary>A .NET call from "JS" (an event dispatch, a JS-invokable) completed with an error.</summary>
    UnhandledException,
    /// <summary>A JS call the harness could not answer the way the browser would.</summary>
    JsInteropFailure,
    /// <summary>The WebSocket closed under the circuit.</summary>
    Disconnect,
    /// <summary>The expected element or text did not appear in the render tree in time.</summary>
    ExpectedMissing,
    /// <summary>Login, page GET or circuit start failed.</summary>
    StartFailed,
    /// <summary>What a page's script fetches by address (a map layer's cells) was not answered with content.</summary>
    FetchFailed,
}

public sealed class CircuitFailureException(FailureKind kind, string message) : Exception(message)
{
    public FailureKind Kind { get; } = kind;
}
