using Admin.Load.Circuits;
using Admin.Load.Journeys;

namespace Admin.Load.Tests;

/// <summary>
/// What waits for the browser. The server runs a component's OnAfterRender only once the browser has acknowledged the
/// batch, and a browser's main thread (the page's work, a busy machine) acknowledges late; a tab that holds every
/// acknowledgement back shows what the app asks of the browser before it shows a result. bunit runs OnAfterRender
/// without a browser's acknowledgement, so only a real circuit can tell.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class AcknowledgementTests(LoadAppFixture app)
{
    [Fact]
    public async Task A_list_shows_its_first_rows_and_a_new_query_its_rows_before_the_browser_acknowledges_any_batch()
    {
        await using var analyst = await AnalystSession.LogInAsync(app, "acks");

        await using var circuit = await BlazorCircuit.StartAsync(analyst.Session, "records/health-checks", d => d.GridRows.Count > 0,
            TimeSpan.FromSeconds(30), CancellationToken.None, ackDelay: Timeout.InfiniteTimeSpan);
        var before = circuit.Query(d => d.GridComponentId);
        await circuit.MeasureAsync(() => circuit.NavigateAsync("records/health-checks?risk=high"),
            d => ListActions.NewGrid(d, before) && d.GridRows.Count > 0, TimeSpan.FromSeconds(30), "new query's rows", CancellationToken.None);

        Assert.True(circuit.IsAlive);
        Assert.True(circuit.Batches >= 2, $"{circuit.Batches} batches");
        Assert.Equal(0, circuit.Acknowledged);
        Assert.All(circuit.Query(d => d.GridRows), r => Assert.Equal("high", Dom.Cells(r)[2]));
    }
}
