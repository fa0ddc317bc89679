using Microsoft.JSInterop;

namespace Admin.Components.Interop;

/// <summary>
/// Whether a JS call failed only because the browser side is gone: the circuit disconnected, or is being disposed and
/// its pending calls were cancelled (seen under load as an unhandled TaskCanceledException at disposal). Releasing JS
/// objects then has nothing left to release.
/// </summary>
internal static class BrowserGone
{
    public static bool Is(Exception ex) => ex is JSDisconnectedException or TaskCanceledException;
}
