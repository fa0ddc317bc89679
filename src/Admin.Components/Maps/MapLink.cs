using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Admin.Components.Maps;

/// <summary>Wraps a map item in an SVG &lt;a href&gt; when it has somewhere to go, so a click is an ordinary link (middle-click, copy link and all).</summary>
internal static class MapLink
{
    public static RenderFragment Wrap(string? href, string? label, RenderFragment content) => href is null
        ? content
        : builder =>
        {
            builder.OpenElement(0, "a");
            builder.AddAttribute(1, "href", href);
            builder.AddAttribute(2, "class", "svg-map__link");
            if (label is not null) builder.AddAttribute(3, "aria-label", label);
            builder.AddContent(4, content);
            builder.CloseElement();
        };

    public static void Title(RenderTreeBuilder builder, string? text)
    {
        if (text is null) return;
        builder.OpenElement(0, "title");
        builder.AddContent(1, text);
        builder.CloseElement();
    }
}
