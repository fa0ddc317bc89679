using Admin.Load.Circuits;

namespace Admin.Load.Journeys;

/// <summary>
/// An analyst: opens the records, filters a province and then a risk, searches a full phone number and a prefix,
/// scrolls the grid through several blocks, jumps to a date, opens a record and goes back. In a tab kept from its last
/// journey it opens the records through the menu.
/// </summary>
public sealed class AnalystJourney : Journey
{
    public override string Name => "analyst";
    public override string Role => "Analyst";

    public override async Task RunAsync(JourneyContext ctx)
    {
        var r = ctx.Random;
        const string records = "records/health-checks";
        await ctx.StartAtAsync("records.open", records, d => d.GridRows.Count > 0, () => ListActions.NavAsync(ctx, "records.menu", records));
        await ctx.ThinkAsync();

        var province = JourneyData.Provinces[r.Next(JourneyData.Provinces.Length)];
        var risk = JourneyData.Risks[r.Next(JourneyData.Risks.Length)];
        await ListActions.FilterAsync(ctx, "records.filter-province", "province", province, cells => cells[3] == province);
        await ctx.ThinkAsync();
        await ListActions.FilterAsync(ctx, "records.filter-risk", "risk", risk, cells => cells[3] == province && cells[2] == risk);
        await ctx.ThinkAsync();

        // A phone search replaces the filters: back to the plain list through the menu first.
        await ListActions.NavAsync(ctx, "records.menu", records);
        var phone = ctx.Data.Phone(r);
        var last4 = phone[^4..];
        await ListActions.SearchAsync(ctx, "records.search-phone", phone, cells => cells[1].EndsWith(last4, StringComparison.Ordinal));
        await ctx.ThinkAsync();

        await ListActions.SelectAsync(ctx, "records.search-kind", d => d.ByTestId("search-kind"), "Phone starts with",
            (d, before) => ctx.Live.Location.Query.Contains("in=phone-prefix", StringComparison.Ordinal) && ListActions.NewGrid(d, before));
        var prefix = "0" + phone[3..8]; // national form of the first digits, e.g. 08212
        await ListActions.SearchAsync(ctx, "records.search-prefix", prefix, cells => cells[1].StartsWith("+27 " + phone[3..5], StringComparison.Ordinal));
        await ctx.ThinkAsync();

        await ListActions.NavAsync(ctx, "records.menu", records);
        for (var i = 0; i < 6; i++)
        {
            await ListActions.ScrollAsync(ctx, "records.scroll", 1800 + r.Next(1200));
            await Task.Delay(TimeSpan.FromMilliseconds(300 + r.Next(700)), ctx.Cancellation);
        }
        await ctx.ThinkAsync();

        await ListActions.JumpToDateAsync(ctx, "records.jump-date", ctx.Data.Instant(r));
        await ctx.ThinkAsync();
        await ListActions.OpenRowAsync(ctx, "records.open-record", r);
        await ctx.ThinkAsync();
        await ListActions.BackAsync(ctx, "records.back");
        await ctx.ThinkAsync();
    }
}
