namespace Admin.Ui.Records;

/// <summary>
/// Addresses a page shows before the browser has confirmed them. In Blazor Server a navigation the server starts is a
/// round trip (the server asks the browser to go there, the browser reports where it now is), so a page that waited for
/// the report before fetching put two messages, and the queues of two busy machines, in front of every query. A page
/// that applies a change at once and lets the address follow must not be taken back by the reports that follow: they
/// come in order, and one for an address a later change has already replaced is stale.
/// </summary>
public sealed class AddressesAhead
{
    private readonly Queue<string> _ahead = new();

    /// <summary>The page now shows <paramref name="key"/>; the browser's report of it is still to come.</summary>
    public void Applied(string key) => _ahead.Enqueue(key);

    /// <summary>
    /// The browser reports <paramref name="key"/>: true when the page should read it (nothing ahead, or an address the
    /// page did not go to itself, such as Back), false when a change the page made later is already shown.
    /// </summary>
    public bool ShouldRead(string key)
    {
        if (_ahead.Count == 0) return true;
        if (!_ahead.Contains(key))
        {
            _ahead.Clear();
            return true;
        }
        while (_ahead.Dequeue() != key) { }
        // The last one confirmed: the page shows it already, so reading it again changes nothing.
        return _ahead.Count == 0;
    }
}
