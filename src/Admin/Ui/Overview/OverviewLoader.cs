using System.Security.Claims;
using Admin.Data.Audit;
using Admin.Data.Counting;
using Admin.Data.Exports;
using Admin.Data.Hotspots;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using Admin.Data.Observability;
using Admin.Data.Reference;
using Admin.Data.Security;
using Admin.Security;
using Admin.Ui.Pages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Admin.Ui.Overview;

/// <summary>
/// Reads the overview for one person, each of their role's sections at once (separate connections), each from what
/// already exists: the rollups' extent and the hotspot snapshot (rollups, cached) for the weeks and flags, the audit
/// trail for their searches, the planner's statistics and small exact counts for the tables, the watermark and the
/// active export jobs. Managers 2 statements, analysts 3, admins 6 (StatementBudgetTests).
/// </summary>
public sealed class OverviewLoader(
    HotspotDashboard hotspots, HotspotQueries hotspotQueries, IOptions<HotspotOptions> hotspotOptions, RecentSearches searches, TableCounter counter,
    ExportQueue exports, TableRegistry lists, TimeProvider time)
{
    /// <summary>The trend's length; the snapshot behind it also holds this week and last week.</summary>
    public const int TrendWeeks = 12;

    /// <summary>The small reference table shown beside the record lists.</summary>
    private static readonly (string Table, string Title, string One, string Many) DistrictsTable = ("districts", "Districts", "district", "districts");

    public async Task<OverviewModel> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var role = user.PrimaryRole();
        var model = new OverviewModel();
        var work = new List<Task>();
        // The rollups' extent (two index probes and the watermark), read once for the weeks and the freshness. Not from
        // the dashboard's cache: the newest day and the refresh time should be the current ones.
        var extent = role is Roles.Manager or Roles.Admin ? hotspotQueries.ExtentAsync(HotspotSource.Rollups, ct) : Task.FromResult(new DataExtent(null, null, null));
        if (role is Roles.Manager or Roles.Admin)
            work.Add(Run(async () => model.Weeks = await WeeksAsync(await extent, ct), e => model.Weeks = EmptyWeeks(e)));
        if (role is Roles.Analyst or Roles.Admin)
        {
            work.Add(Run(async () => model.Searches = await SearchesAsync(user, role == Roles.Admin, ct), e => model.Searches = new([], e)));
            work.Add(Run(async () => model.Tables = await TablesAsync(ct), e => model.Tables = new([], e)));
        }
        if (role is Roles.Admin)
            work.Add(Run(async () => model.Freshness = await FreshnessAsync(extent, ct), e => model.Freshness = new(null, null, null, time.GetUtcNow(), e)));
        await Task.WhenAll(work);
        return model;
    }

    // One section failing (the database unreachable, a timeout) says so in its place; the others still show.
    private static async Task Run(Func<Task> load, Action<string> failed)
    {
        try
        {
            await load();
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            failed("The database cannot be reached right now. This part shows once it is back.");
        }
    }

    private WeeksSection EmptyWeeks(string? error = null) =>
        new([], [], null, hotspotOptions.Value.RecentDays, hotspotOptions.Value.BaselineDays, time.GetUtcNow(), false, error);

    private async Task<WeeksSection> WeeksAsync(DataExtent extent, CancellationToken ct)
    {
        if (extent is not { FirstDay: { } first, LastDay: { } last }) return EmptyWeeks();
        var snapshot = await hotspots.SnapshotAsync(WeeklyOverview.PeriodFor(last, TrendWeeks), ct);
        var overview = WeeklyOverview.From(snapshot.Value, first);
        var flagged = overview.Flagged.Select(d => new FlaggedArea(d.Code, Districts.Find(d.Code)?.Name ?? d.Code,
            Admin.Data.Domain.ProvinceNames.Of(d.Province), d.Assessment.Counts.Recent, d.Assessment.Expected, d.Assessment.RateRatio)).ToList();
        var o = hotspotOptions.Value;
        return new WeeksSection([.. overview.Weeks], flagged, last, o.RecentDays, o.BaselineDays, snapshot.AsOf, snapshot.IsStale);
    }

    private async Task<SearchesSection> SearchesAsync(ClaimsPrincipal user, bool isAdmin, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || user.Identity?.Name is not { } name) return new([]);
        var items = new List<SearchLink>();
        foreach (var s in await searches.LatestAsync(id, name, ct: ct))
            if (Link(s, isAdmin) is { } link) items.Add(link);
        return new(items);
    }

    /// <summary>
    /// The search as a link to its list with the same query string the list page writes (and audits): it runs again as
    /// it ran. A search the list would refuse now (a phone number the trail holds masked) is shown without a link.
    /// </summary>
    private SearchLink? Link(RecentSearch s, bool isAdmin)
    {
        if (Where(s.Table, isAdmin) is not { } target) return null; // a list this person cannot open (any more)
        var (list, path) = target;
        var runs = list.Apply(new Parses(QueryHelpers.ParseQuery(s.Query)
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))).ToList()));
        return new SearchLink(list.Title, Uri.UnescapeDataString(s.Query.Replace("&", " · ")), runs ? path + "?" + s.Query : null, s.At);
    }

    // The record lists for everyone who searches; the audit trail (its own page) for admins.
    private (ITableDefinition List, string Path)? Where(string table, bool isAdmin)
    {
        if (lists.Records.FirstOrDefault(d => d.Table == table) is { } records) return (records, "records/" + records.Slug);
        if (isAdmin && lists.All.FirstOrDefault(d => d.Table == table && d.Slug == AuditTrailList.Slug) is { } audit) return (audit, AuditEntries.BasePath);
        return null;
    }

    private sealed class Parses(List<KeyValuePair<string, string?>> parameters) : ITableOperation<bool>
    {
        public bool Run<T>(TableDefinition<T> definition) where T : class
        {
            try
            {
                ListQueryParser.Parse(definition, parameters);
                return true;
            }
            catch (ListRequestException)
            {
                return false;
            }
        }
    }

    private async Task<TablesSection> TablesAsync(CancellationToken ct)
    {
        var shown = lists.Records.Select(d => (d.Table, d.Title, d.Noun.One, d.Noun.Many)).Append(DistrictsTable).ToList();
        var counts = await counter.CountAsync(shown.Select(t => t.Table).ToList(), ct);
        return new(shown.Zip(counts, (t, c) => new TableCard(t.Table, t.Title, t.One, t.Many, c.Rows, c.Source, c.TotalBytes)).ToList());
    }

    private async Task<FreshnessSection> FreshnessAsync(Task<DataExtent> extentRead, CancellationToken ct)
    {
        var queue = exports.ReadAsync(ct);
        var extent = await extentRead;
        // The newest of what this node saw refreshing and the watermark as just read.
        var refreshed = Later(RollupFreshness.RefreshedAt, extent.RefreshedAt);
        return new FreshnessSection(refreshed, extent.LastDay, await queue, time.GetUtcNow());
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
