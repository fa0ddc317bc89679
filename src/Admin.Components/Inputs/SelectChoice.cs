namespace Admin.Components.Inputs;

/// <summary>
/// One option of a <see cref="NativeSelect"/>: its value, the text shown, and optionally a label that names it without
/// extras (the text may add a count, "Gauteng · 4.1M"; the label stays "Gauteng") and a title (a tooltip).
/// </summary>
public sealed record SelectChoice(string Value, string Text)
{
    public string? Label { get; init; }
    public string? Title { get; init; }
    /// <summary>Extra data attribute for the option (e.g. a count), written as <c>data-count</c>.</summary>
    public long? Count { get; init; }
}
