using System.Net;
using System.Text;

namespace Admin.Components.Rendering;

/// <summary>
/// Markup written by hand, where a component draws many like elements as one string: one render frame for all of them
/// instead of several per element, each kept twice per circuit (for diffing), and a string every circuit showing the
/// same thing can share. Attributes are encoded and a null one is left out, as Blazor renders them.
/// </summary>
public sealed class MarkupWriter
{
    private readonly StringBuilder _sb = new();

    /// <summary>Starts an element's opening tag; attributes follow, then <see cref="EndTag"/>.</summary>
    public MarkupWriter Open(string tag)
    {
        _sb.Append('<').Append(tag);
        return this;
    }

    public MarkupWriter Attr(string name, string? value)
    {
        if (value is not null) _sb.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        return this;
    }

    /// <summary>A boolean attribute: present when true.</summary>
    public MarkupWriter Attr(string name, bool present)
    {
        if (present) _sb.Append(' ').Append(name);
        return this;
    }

    public MarkupWriter EndTag()
    {
        _sb.Append('>');
        return this;
    }

    public MarkupWriter Text(string? text)
    {
        if (text is not null) _sb.Append(WebUtility.HtmlEncode(text));
        return this;
    }

    public MarkupWriter Close(string tag)
    {
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An SVG title (a tooltip) when there is one.</summary>
    public MarkupWriter Title(string? text) => text is null ? this : Open("title").EndTag().Text(text).Close("title");

    public override string ToString() => _sb.ToString();
}
