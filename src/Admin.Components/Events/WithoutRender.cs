using Microsoft.AspNetCore.Components;

namespace Admin.Components.Events;

/// <summary>
/// An event callback whose component is not rendered again afterwards (a callback made in markup re-renders the whole
/// component that made it): for handlers that only note a value, such as a box's text as it is typed, or that navigate
/// when something changed, which renders anyway.
/// </summary>
public sealed class WithoutRender : IHandleEvent
{
    private static readonly WithoutRender Receiver = new();

    public static EventCallback<T> Callback<T>(Action<T> action) => EventCallback.Factory.Create(Receiver, action);

    public Task HandleEventAsync(EventCallbackWorkItem item, object? arg) => item.InvokeAsync(arg);
}
