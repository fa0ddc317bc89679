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
    };
}
