using Admin.Load.Rendering;

namespace Admin.Load.Circuits;

/// <summary>What a person does with the app's controls, as the events the browser would send for it.</summary>
public static partial class Ui
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

    /// <summary>Choosing an option of a native select: the one "change" event the browser sends, with the option's value.</summary>
    public static Task ChooseAsync(this BlazorCircuit circuit, ElementNode select, string value) =>
        circuit.DispatchEventAsync(select, "change", BrowserEvents.Value(value));

    /// <summary>
    /// The value of a native select's option named <paramref name="label"/>: by its label (data-label, where the text
    /// adds a count, "Gauteng · 4.1M") or by its text. The app renders a select's options as one markup string (what the
    /// browser parses into its options); option elements are read too.
    /// </summary>
    public static string? SelectOption(ElementNode select, string label)
    {
        if (select.Descendants().FirstOrDefault(e => e.Name == "option" && (e.Attr("data-label") == label || e.TextContent.Trim() == label)) is { } option)
            return option.Attr("value");
        foreach (var markup in select.Children.OfType<MarkupNode>())
            foreach (System.Text.RegularExpressions.Match m in MarkupOption().Matches(markup.Html))
            {
                var attributes = m.Groups["attrs"].Value;
                string? Attr(string name) => System.Text.RegularExpressions.Regex.Match(attributes, $@"\b{name}=""([^""]*)""") is { Success: true } a
                    ? System.Net.WebUtility.HtmlDecode(a.Groups[1].Value) : null;
                if (Attr("data-label") == label || System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value).Trim() == label) return Attr("value");
            }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<option(?<attrs>[^>]*)>(?<text>[^<]*)</option>")]
    private static partial System.Text.RegularExpressions.Regex MarkupOption();
}
