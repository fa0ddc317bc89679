using Admin.Load.Rendering;

namespace Admin.Load.Circuits;

/// <summary>What a person does with the app's controls, as the events the browser would send for it.</summary>
public static class Ui
{
    public static Task ClickAsync(this BlazorCircuit circuit, ElementNode element) =>
        circuit.DispatchEventAsync(element, "click", BrowserEvents.Click());

    /// <summary>Typing into an input that updates on every keystroke (MudTextField Immediate): one "input" event with the final text.</summary>
    public static Task TypeAsync(this BlazorCircuit circuit, ElementNode input, string text) =>
        circuit.DispatchEventAsync(input, "input", BrowserEvents.Value(text));

    public static Task KeyAsync(this BlazorCircuit circuit, ElementNode element, string key) =>
        circuit.DispatchEventAsync(element, "keydown", BrowserEvents.Key("keydown", key));

    /// <summary>A link click: its onclick handler if it has one, then the interactive router's navigation.</summary>
    public static async Task FollowLinkAsync(this BlazorCircuit circuit, ElementNode anchor)
    {
        var href = anchor.Attr("href") ?? throw new CircuitFailureException(FailureKind.ExpectedMissing, $"{anchor} has no href");
        if (anchor.Events.ContainsKey("click")) await circuit.ClickAsync(anchor);
        await circuit.NavigateAsync(href);
    }

    /// <summary>
    /// The element (inside a MudSelect) that opens it: the input control's mousedown, as a pointer press does; returns
    /// the id of the popover content that will list the options.
    /// </summary>
    public static (ElementNode Opener, string PopoverContentId) SelectParts(Dom dom, ElementNode inside)
    {
        var opener = Dom.Ancestors(inside).FirstOrDefault(e => e.Events.ContainsKey("mousedown") && e.HasClass("mud-input-control"))
            ?? throw new CircuitFailureException(FailureKind.ExpectedMissing, "no MudSelect input control around " + inside);
        var select = Dom.Ancestors(opener).First(e => e.HasClass("mud-select"));
        var popover = select.Descendants().FirstOrDefault(e => e.Attr("id")?.StartsWith("popover-", StringComparison.Ordinal) == true)
            ?? throw new CircuitFailureException(FailureKind.ExpectedMissing, "no popover in the MudSelect around " + inside);
        return (opener, "popovercontent-" + popover.Attr("id")!["popover-".Length..]);
    }

    /// <summary>
    /// An option of an open MudSelect: a clickable list item in its popover content with exactly this text, or, for a
    /// filter option showing its count beside it ("Gauteng 4.1M"), with this label.
    /// </summary>
    public static ElementNode? SelectOption(Dom dom, string popoverContentId, string label) =>
        dom.First(e => e.Attr("id") == popoverContentId)?.Descendants()
            .FirstOrDefault(e => e.Events.ContainsKey("click") && e.HasClass("mud-list-item")
                && (e.TextContent.Trim() == label || e.Descendants().Any(l => l.HasClass("facet-label") && l.TextContent.Trim() == label)));
}
