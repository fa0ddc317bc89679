using MudBlazor;

namespace Admin.Ui.Layout;

/// <summary>
/// MudBlazor's palette with status colours dark enough to carry text (WCAG 1.4.3, 4.5:1): white on a filled chip, the
/// colour itself on white for outlined chips and links, and its darker shade on an alert's tint. MudBlazor's defaults
/// (e.g. error #f44336 3.7:1, success #00c853 2.2:1, warning #ff9800 2.2:1) fail the accessibility check.
/// </summary>
public static class AppTheme
{
    public static MudTheme Value { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Error = "#d32f2f",   // white on it 5.0:1
            Success = "#2e7d32", // 5.1:1
            Warning = "#a15c00", // 5.2:1
            Info = "#0277bd",    // 4.8:1
        },
        // Dark: lighter status colours carrying dark text, and secondary text at 65 % white (MudBlazor's 50 % gives
        // 4.3:1 on its surface). Each colour here reads at 4.5:1 or more on the dark background and surface.
        PaletteDark = new PaletteDark
        {
            Primary = "#c5bfff", // 5.4:1 even on a striped table row
            PrimaryContrastText = "rgba(0,0,0,0.87)",
            Error = "#ff8a80",
            ErrorContrastText = "rgba(0,0,0,0.87)",
            Success = "#2ecc8f",
            SuccessContrastText = "rgba(0,0,0,0.87)",
            Warning = "#ffa800",
            WarningContrastText = "rgba(0,0,0,0.87)",
            Info = "#90caf9", // its darker shade is an alert's text: 5.4:1 on the alert
            InfoContrastText = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(255,255,255,0.65)",
            DrawerText = "rgba(255,255,255,0.70)",
            DrawerIcon = "rgba(255,255,255,0.70)",
            TableStriped = "rgba(255,255,255,0.08)", // 20 % leaves text on striped rows at 4.1:1
        },
    };
}
