namespace Admin.Load.Rendering;

/// <summary>Microsoft.AspNetCore.Components.RenderTree.RenderTreeEditType, as numbered on the wire.</summary>
public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>One edit of a component's diff (16 bytes on the wire). <see cref="Reference"/> is the reference frame
/// index, or for a permutation entry the sibling index to move to.</summary>
public readonly record struct Edit(EditType Type, int SiblingIndex, int Reference, string? RemovedAttributeName);

/// <summary>The edits for one component in a batch: <see cref="RenderBatch.Edits"/> from <see cref="FirstEdit"/> on.</summary>
public readonly record struct ComponentDiff(int ComponentId, int FirstEdit, int EditCount);
