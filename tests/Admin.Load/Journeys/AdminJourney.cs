using Admin.Load.Circuits;

namespace Admin.Load.Journeys;

/// <summary>
/// An admin: opens the audit trail, searches it for their own user name, opens an entry and goes back; with --edits
/// also opens a HealthCheck, edits its city and saves (a real write, audited).
/// </summary>
public sealed class AdminJourney(bool edits) : Journey
{
    public override string Name => "admin";
    public override string Role => "Admin";

    public override async Task RunAsync(JourneyContext ctx)
    {
        var r = ctx.Random;
        await ctx.StartAtAsync("audit.open", "admin/audit", d => d.GridRows.Count > 0, () => ListActions.NavAsync(ctx, "audit.menu", "admin/audit"));
        await ctx.ThinkAsync();

        var me = ctx.Live.Query(d => d.Text("signed-in-as"))?.Trim() ?? "";
        var user = ctx.Session.UserName ?? me;
        await ListActions.SearchAsync(ctx, "audit.search", user, cells => true);
        await ctx.ThinkAsync();
        await ListActions.OpenRowAsync(ctx, "audit.open-entry", r);
        await ctx.ThinkAsync();
        await ListActions.BackAsync(ctx, "audit.back");
        await ctx.ThinkAsync();

        if (!edits) return;
        await ListActions.NavAsync(ctx, "records.menu", "records/health-checks");
        // A person reads the list before clicking a row. (Clicking at once once raced the grid's first viewport report,
        // whose render gave the rows new event-handler ids; the grid now keeps a shown row's handlers, ShownRow.)
        await ctx.ThinkAsync();
        await ListActions.OpenRowAsync(ctx, "records.open-record", r);
        await ctx.ThinkAsync();
        var edit = ctx.Find("edit.open", d => d.First(e => e.Name == "a" && e.Attr("data-testid") == "detail-edit"));
        await ctx.ActAsync("edit.open", c => c.FollowLinkAsync(edit), d => d.Has("edit-save") && d.Has("edit-city"));
        var city = ctx.Find("edit.save", d => d.ByTestId("edit-city"));
        var input = city.Name == "input" ? city : ctx.Find("edit.save", d => d.ByTestId("edit-city")?.Descendants().FirstOrDefault(e => e.Name == "input"));
        await ctx.Live.DispatchEventAsync(input, input.Events.ContainsKey("change") ? "change" : "input", BrowserEvents.Value($"Load test {r.Next(1000)}"));
        await ctx.ThinkAsync();
        var save = ctx.Find("edit.save", d => d.ByTestId("edit-save"));
        // Saved: the notice in its success colour (a conflict with a concurrent editor is a real outcome too, not an error).
        await ctx.ActAsync("edit.save", c => c.ClickAsync(save),
            d => d.ByTestId("edit-notice")?.Attr("class")?.Contains("success", StringComparison.Ordinal) == true || d.Has("edit-conflict"));
        await ctx.ThinkAsync();
    }
}
