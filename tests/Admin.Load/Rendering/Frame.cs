namespace Admin.Load.Rendering;

/// <summary>Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrameType, as numbered on the wire.</summary>
public enum FrameType
{
    None = 0,
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
}

/// <summary>
/// One reference frame of a render batch (20 bytes on the wire). Which fields mean something depends on the type:
/// Element (subtree length, name), Text/Markup (text), Attribute (name, value, event handler id), Component (subtree
/// length, component id), Region (subtree length), ElementReferenceCapture (capture id in Text).
/// </summary>
public readonly record struct Frame(FrameType Type, int SubtreeLength, int ComponentId, string? Name, string? Text, ulong EventHandlerId)
{
    /// <summary>Frames below this one that belong to it (skipped when inserting this one's siblings).</summary>
    public int DescendantCount => Type is FrameType.Element or FrameType.Component or FrameType.Region ? SubtreeLength - 1 : 0;
}
