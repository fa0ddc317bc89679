using Microsoft.AspNetCore.Components;

namespace Admin.Components.Rendering;

/// <summary>
/// A component its parent's renders pass over unless one of its parameters changed. Blazor renders a child again with
/// its parent whenever a parameter is not a primitive, so a page that re-renders for a count, a timeline or a loaded
/// block rebuilt and diffed every input, menu and the grid's rows for no edit at all (with the changes beside it, one
/// analyst journey's render batches went 111 → 90; README, "Tenth series"). Its own events and <c>StateHasChanged</c>
/// render as always.
/// Values compare with <c>Equals</c>: strings and numbers by value, objects by reference, delegates by method and
/// target (a handler the parent makes from its own method is the same every time; a lambda over its locals is not, and
/// counts as a change). A child content fragment always counts as a change: it reads the parent's state when it runs.
/// So a parent passes a new object when it changes one, never the same one changed in place.
/// </summary>
public abstract class SteadyComponent : ComponentBase
{
    private object?[]? _last;
    private bool _unchanged;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        _unchanged = Remember(parameters);
        try
        {
            // ComponentBase renders synchronously inside this call (after OnParametersSet); later renders are the component's own.
            return base.SetParametersAsync(parameters);
        }
        finally
        {
            _unchanged = false;
        }
    }

    protected override bool ShouldRender() => !_unchanged;

    // Keeps this call's names and values; true when they are those of the last call.
    private bool Remember(ParameterView parameters)
    {
        var count = 0;
        foreach (var _ in parameters) count++;
        var same = _last is not null && _last.Length == count * 2;
        var values = same ? _last! : new object?[count * 2];
        var i = 0;
        foreach (var p in parameters)
        {
            if (same && (!Equals(values[i], p.Name) || IsFragment(p.Value) || !Equals(values[i + 1], p.Value))) same = false;
            values[i] = p.Name;
            values[i + 1] = p.Value;
            i += 2;
        }
        _last = values;
        return same;
    }

    private static bool IsFragment(object? value) =>
        value is RenderFragment
        || (value is Delegate d && d.GetType().IsGenericType && d.GetType().GetGenericTypeDefinition() == typeof(RenderFragment<>));
}
