using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Admin.Ui.Layout;

/// <summary>
/// MudThemeProvider whose output (the theme's CSS variables, ~30,000 characters) is built once per theme and mode and
/// shared by every circuit. MudThemeProvider builds a new string at every render, and a circuit keeps its current and
/// previous render trees: two copies of ~64 KB per circuit, the largest strings on the heap under load. Whatever the
/// base renders that is not plain markup (a later MudBlazor version) is rendered as the base renders it.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private static readonly ConditionalWeakTable<MudTheme, ConcurrentDictionary<(bool Dark, bool DefaultScrollbar), string?>> Cache = new();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        // The parameter as set by the layout: this provider never changes the mode itself.
#pragma warning disable MUD0010
        var markup = Theme is null ? null
            : Cache.GetOrCreateValue(Theme).GetOrAdd((IsDarkMode, DefaultScrollbar), _ => MarkupOfBase());
#pragma warning restore MUD0010
        if (markup is null) base.BuildRenderTree(builder);
        else builder.AddMarkupContent(0, markup);
    }

    // The base's frames joined as one string when they are only markup and text (null otherwise).
#pragma warning disable BL0006 // reading frames is how the base's output is taken; anything unexpected falls back to the base
    private string? MarkupOfBase()
    {
        var scratch = new RenderTreeBuilder();
        base.BuildRenderTree(scratch);
        var frames = scratch.GetFrames();
        var html = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Markup: html.Append(frame.MarkupContent); break;
                case RenderTreeFrameType.Text: html.Append(System.Net.WebUtility.HtmlEncode(frame.TextContent)); break;
                default: return null;
            }
        }
        return html.ToString();
    }
#pragma warning restore BL0006
}
