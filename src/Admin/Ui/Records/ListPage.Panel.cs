using System.Globalization;

namespace Admin.Ui.Records;

/// <summary>
/// The side panel (issue 15): with "panel=1" in the address a row opens beside the grid ("open={id}") instead of on a
/// page of its own. Before it opens, the first row in view becomes the address's "at" (replacing the current history
/// entry), so Back closes the panel on the same rows and a reload or a shared link comes back to them.
/// </summary>
public partial class ListPage<TRow>
{
    private const string OpenParameter = "open";
    private const string PanelParameter = "panel";

    private string? _openId, _atText;
    private bool _panelMode;
    private TRow? _firstInView;

    private static bool IsPanelParameter(string key) =>
        string.Equals(key, OpenParameter, StringComparison.OrdinalIgnoreCase) || string.Equals(key, PanelParameter, StringComparison.OrdinalIgnoreCase);

    private void ReadPanel(List<KeyValuePair<string, string?>> parameters)
    {
        _panelMode = parameters.Any(p => string.Equals(p.Key, PanelParameter, StringComparison.OrdinalIgnoreCase) && p.Value == "1");
        _openId = _panelMode ? parameters.LastOrDefault(p => string.Equals(p.Key, OpenParameter, StringComparison.OrdinalIgnoreCase)).Value : null;
        if (string.IsNullOrWhiteSpace(_openId)) _openId = null;
        _atText = parameters.LastOrDefault(p => p.Key == At).Value;
    }

    // The address as it stands (filters, search, order, position), with the panel's parameters as given.
    private string Url(string? at, bool panel, string? open)
    {
        var parameters = (_query?.ToParameters().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)) ?? []).ToList();
        if (at is not null) parameters.Add(new(At, at));
        if (panel) parameters.Add(new(PanelParameter, "1"));
        if (open is not null) parameters.Add(new(OpenParameter, open));
        var query = string.Join("&", parameters.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value!)}"));
        return Path + (query.Length > 0 ? "?" + query : "");
    }

    private void SetPanelMode(bool on) => Nav.NavigateTo(Url(_atText, on, open: null), replace: true);

    private void ClosePanel() => Nav.NavigateTo(Url(_atText, panel: true, open: null));

    private void OpenInPanel(TRow row)
    {
        if (_query is null) return;
        var at = _atText;
        if (_firstInView is { } first && _query.Ordering.Keys[0].Type == typeof(DateTimeOffset))
        {
            // Whole seconds of local time (what "at" holds, in the display zone), rounded so the first row in view is still
            // among the rows: up when newest first.
            var t = Zone.ToLocal((DateTimeOffset)_query.Ordering.KeyOf(first)[0]);
            var second = new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Kind);
            if (second != t && _query.Ordering.Keys[0].Descending) second = second.AddSeconds(1);
            at = second.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            if (at != _atText) Nav.NavigateTo(Url(at, panel: true, open: null), replace: true);
        }
        Nav.NavigateTo(Url(at, panel: true, open: Definition.IdOf(row)));
    }
}
