using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Admin.Components.Look;

/// <summary>
/// MudBlazor's CSS classes and icon markup for plain elements. A MudBlazor component is a component in every circuit
/// that shows it (two render trees, attribute dictionaries, often JS interop, for the circuit's life); where a page needs
/// only the look, a plain element with these classes draws the same and costs a few frames of its parent.
/// The strings are MudBlazor's own, as its components render them.
/// </summary>
public static class MudLook
{
    public const string TextButton = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small mud-ripple";
    public const string InheritTextButton = "mud-button-root mud-button mud-button-text mud-button-text-inherit mud-button-text-size-small mud-ripple";
    public const string OutlinedButton = "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small mud-ripple";
    public const string ButtonLabel = "mud-button-label";
    public const string ButtonStartIcon = "mud-button-icon-start mud-button-icon-size-small";
    public const string IconButton = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";
    public const string IconButtonLabel = "mud-icon-button-label";

    /// <summary>An outlined, small button group; its buttons are <see cref="GroupButton"/>s (the group's CSS draws them).</summary>
    public const string OutlinedGroup = "mud-button-group-root mud-button-group-override-styles mud-button-group-outlined mud-button-group-outlined-default mud-button-group-outlined-size-small mud-button-group-horizontal";
    public const string GroupButton = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-medium mud-ripple";

    /// <summary>A medium button of a group that is a link (a period preset), chosen (filled) or not (outlined), primary.</summary>
    public const string GroupLinkChosen = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-medium mud-ripple";
    public const string GroupLink = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-medium mud-ripple";

    /// <summary>A small, outlined, primary toggle group of <see cref="ToggleItem"/>s (MudToggleGroup's look; role="checkbox" items).</summary>
    public const string ToggleGroup = "mud-toggle-group mud-toggle-group-horizontal mud-toggle-group-size-small mud-toggle-group-primary mud-toggle-group-outlined";
    public static string ToggleItem(bool selected) => selected ? ToggleItemSelected : ToggleItemOff;
    private const string ToggleItemSelected = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple mud-toggle-item mud-toggle-item-selected mud-toggle-item-delimiter mud-toggle-item-size-small";
    private const string ToggleItemOff = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple mud-toggle-item mud-toggle-item-delimiter mud-toggle-item-size-small";

    public const string Paper = "mud-paper mud-elevation-1";
    public const string OutlinedPaper = "mud-paper mud-paper-outlined";

    /// <summary>A small chip that is only a label (MudChip's look, without its container's keyboard handler).</summary>
    public const string ErrorChip = "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-error";
    public const string WarningOutlinedChip = "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-warning";
    public const string ChipContent = "mud-chip-content";

    /// <summary>MudGrid with spacing 2 or 3; its items are divs with MudItem's classes (mud-grid-item mud-grid-item-xs-12 ...).</summary>
    public const string Grid2 = "mud-grid mud-grid-spacing-xs-2 justify-start";
    public const string Grid3 = "mud-grid mud-grid-spacing-xs-3 justify-start";
    public const string Spacer = "flex-grow-1";

    public const string H4 = "mud-typography mud-typography-h4 mud-typography-gutterbottom";
    public const string H5 = "mud-typography mud-typography-h5";
    public const string H6 = "mud-typography mud-typography-h6";
    public const string Subtitle1 = "mud-typography mud-typography-subtitle1";
    public const string Subtitle2 = "mud-typography mud-typography-subtitle2";
    public const string Body1 = "mud-typography mud-typography-body1";
    public const string Body2 = "mud-typography mud-typography-body2";
    public const string Caption = "mud-typography mud-typography-caption";
    public const string Link = "mud-typography mud-link mud-inherit-text mud-link-underline-hover mud-typography-body2";
    public const string PrimaryLink = "mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body2";

    // One markup string per icon and class list, shared by every circuit.
    private static readonly ConcurrentDictionary<(string Icon, string Size, string Extra), MarkupString> Svgs = new();

    /// <summary>A MudBlazor icon (e.g. Icons.Material.Filled.Menu) as MudIcon draws it: an svg, hidden from screen readers.</summary>
    public static MarkupString Icon(string icon, string size = "medium", string? extraClasses = null) =>
        Svgs.GetOrAdd((icon, size, extraClasses ?? ""), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Size} {key.Extra}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
