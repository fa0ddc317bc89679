using Admin.Data.Counting;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Data.Persistence;
using Admin.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Admin.Cli.Bench;

/// <summary>
/// What the records grid does, through the services the UI uses, beside the naive way most apps take
/// (EF Skip/Take plus CountAsync, as MudDataGrid ServerData examples do).
/// </summary>
public static class GridScenarios
{
    public static async Task<IReadOnlyList<BenchScenario>> CreateAsync(IServiceProvider services, CancellationToken ct)
    {
        var lister = services.GetRequiredService<TableLister>();
        var counter = services.GetRequiredService<RowCounter>();
        var contexts = services.GetRequiredService<IDbContextFactory<AdminDbContext>>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var def = HealthCheckList.Definition;
        var zone = services.GetRequiredService<Admin.Data.Time.DisplayTimeZone>();
        const int page = 100;

        // Setup, not timed: cursors at depth, and real values to search for.
        var rows = await ScalarAsync<long>(dataSource, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'health_checks'::regclass", ct);
        var sample = await SampleAsync(dataSource, Math.Min(12_345, Math.Max(0, rows / 2)), ct);

        ListQuery<HealthCheck> Q(params (string, string?)[] ps) =>
            ListQueryParser.Parse(def, ps.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2)), zone: zone);

        Func<CancellationToken, Task> Window(ListQuery<HealthCheck> q, WindowRequest r) => c => lister.WindowAsync(q, r, PersonalDataView.Full, c);

        Func<CancellationToken, Task> Naive(Func<IQueryable<HealthCheck>, IQueryable<HealthCheck>> filter, int skip = 0) => async c =>
        {
            await using var db = await contexts.CreateDbContextAsync(c);
            var q = filter(db.HealthChecks.AsNoTracking());
            await q.OrderByDescending(x => x.Timestamp).ThenByDescending(x => x.Id).Skip(skip).Take(page).ToListAsync(c);
            await q.CountAsync(c);
        };

        // Setup, untimed: a search's first rows through the same lister the timed runs use.
        Task<ListWindow<HealthCheck>> SearchAsync(string text, string kind, int rows) =>
            lister.WindowAsync(Q(("q", text), ("in", kind)), WindowRequest.Start(rows), PersonalDataView.Full, ct);

        // The longest of texts(longest) ... texts(shortest) whose search fills a page (the shortest if none does).
        async Task<string> LongestFillingAsync(int longest, int shortest, Func<int, string> text, string kind)
        {
            for (var n = longest; n > shortest; n--)
                if ((await SearchAsync(text(n), kind, page)).MoreAfter == true) return text(n);
            return text(shortest);
        }

        // Of the texts, the one whose match count (up to 1,000) lies nearest to target on a log scale.
        async Task<(string Text, int Matches)> NearestMatchesAsync(IEnumerable<string> texts, int target, string kind)
        {
            var counted = new List<(string, int)>();
            foreach (var t in texts) counted.Add((t, (await SearchAsync(t, kind, 1000)).Rows.Count));
            return counted.MinBy(c => Math.Abs(Math.Log(Math.Max(c.Item2, 1) / (double)target)));
        }

        var list = new List<BenchScenario>
        {
            new("grid", "first page", Window(Q(), WindowRequest.Start(page)), Naive(x => x)),
            new("grid", "jump to newest end/oldest end", Window(Q(), WindowRequest.End(page)), null),
            new("grid", "jump to a date", Window(Q(), WindowRequest.Seek(sample.Timestamp, page)), null),
        };
        // 1M, 10M and, on a bigger table, 1M rows before the oldest end.
        List<long> depths = [1_000_000L, 10_000_000L];
        if (rows - 1_000_000L > 10_000_000L) depths.Add(rows - 1_000_000L);
        foreach (var depth in depths)
        {
            if (depth >= rows) continue;
            var cursor = await CursorAtDepthAsync(dataSource, depth, ct);
            var skip = (int)depth;
            list.Add(new("grid", $"depth {depth / 1_000_000}M", Window(Q(), WindowRequest.After(cursor, page)), Naive(x => x, skip)));
        }

        var from = zone.DayOf(sample.Timestamp).AddDays(-7);
        var to = from.AddDays(7);
        var (start, end) = (zone.StartOf(from), zone.StartOf(to.AddDays(1)));
        // Each filter fills a page at every size (1M upwards): a filter that matches a handful of rows at 1M and a full
        // page at 50M compares different work (ZA-NC + critical: 2 rows at 1M, 97 at 50M; the rare filter is timed as a count).
        list.AddRange(
        [
            new("filter", "province", Window(Q(("province", "ZA-NC")), WindowRequest.Start(page)), Naive(x => x.Where(h => h.Province == Data.Domain.Province.NorthernCape))),
            new("filter", "province + risk", Window(Q(("province", "ZA-GP"), ("risk", "high")), WindowRequest.Start(page)),
                Naive(x => x.Where(h => h.Province == Data.Domain.Province.Gauteng && h.Risk == Data.Domain.Risk.High))),
            new("filter", "district", Window(Q(("district", "DC5")), WindowRequest.Start(page)), Naive(x => x.Where(h => h.DistrictCode == "DC5"))),
            new("filter", "district + risk", Window(Q(("district", "DC5"), ("risk", "moderate")), WindowRequest.Start(page)),
                Naive(x => x.Where(h => h.DistrictCode == "DC5" && h.Risk == Data.Domain.Risk.Moderate))),
            new("filter", "risk", Window(Q(("risk", "high")), WindowRequest.Start(page)), Naive(x => x.Where(h => h.Risk == Data.Domain.Risk.High))),
            new("filter", "source", Window(Q(("source", "Web")), WindowRequest.Start(page)), Naive(x => x.Where(h => h.Source == "Web"))),
            new("filter", "date range (7 days)", Window(Q(("from", from.ToString("yyyy-MM-dd")), ("to", to.ToString("yyyy-MM-dd"))), WindowRequest.Start(page)),
                Naive(x => x.Where(h => h.Timestamp >= start && h.Timestamp < end))),
        ]);

        // Searches by what they return, not by digits typed: nine digits match a few rows at 1M and a full page at 50M,
        // so a fixed digit count compares different work. Each size takes the longest prefix that still fills a page
        // (found untimed, through the same lister); "+27" and four digits fill one at every size.
        var national = sample.Msisdn[3..];
        var prefix = await LongestFillingAsync(national.Length - 1, 4, n => sample.Msisdn[..(3 + n)], "phone-prefix");
        // The contains-search lists the newest of all its matches, so it reads every match: it takes the run of digits
        // whose matches come nearest ~200 (untimed, through the same lister), again the same work at every size.
        var (contains, containsMatches) = await NearestMatchesAsync(
            Enumerable.Range(PhoneWindowsSql.Width, national.Length - 2 - PhoneWindowsSql.Width + 1).Select(n => national.Substring(2, n)),
            200, "phone-contains");
        var shortPrefix = sample.Msisdn[..^5];
        list.AddRange(
        [
            new("search", "phone exact", Window(Q(("q", sample.Msisdn), ("in", "phone")), WindowRequest.Start(page)),
                Naive(x => x.Where(h => EF.Functions.ILike(h.Msisdn, "%" + sample.Msisdn + "%")))),
            new("search", $"phone prefix, a full page (+27 and {prefix.Length - 3} digits)", Window(Q(("q", prefix), ("in", "phone-prefix")), WindowRequest.Start(page)),
                Naive(x => x.Where(h => EF.Functions.Like(h.Msisdn, prefix + "%")))),
            new("search", "phone prefix (+27 and 4 digits)", Window(Q(("q", shortPrefix), ("in", "phone-prefix")), WindowRequest.Start(page)),
                Naive(x => x.Where(h => EF.Functions.Like(h.Msisdn, shortPrefix + "%")))),
            new("search", $"phone contains, ~200 matches ({contains.Length} digits, {containsMatches})", Window(Q(("q", contains), ("in", "phone-contains")), WindowRequest.Start(page)),
                Naive(x => x.Where(h => EF.Functions.ILike(h.Msisdn, "%" + contains + "%")))),
            new("search", "record id", Window(Q(("q", sample.Id.ToString()), ("in", "id")), WindowRequest.Start(page)), null),
            new("search", "deduplication id", Window(Q(("q", sample.DeduplicationId), ("in", "deduplication-id")), WindowRequest.Start(page)), null),
        ]);

        list.AddRange(
        [
            new("count", "count label, unfiltered", c => counter.CountAsync(Q(), c), async c => { await using var db = await contexts.CreateDbContextAsync(c); await db.HealthChecks.CountAsync(c); }),
            new("count", "count label, province + risk", c => counter.CountAsync(Q(("province", "ZA-GP"), ("risk", "high")), c),
                async c => { await using var db = await contexts.CreateDbContextAsync(c); await db.HealthChecks.CountAsync(h => h.Province == Data.Domain.Province.Gauteng && h.Risk == Data.Domain.Risk.High, c); }),
            new("count", "count label, rare filter", c => counter.CountAsync(Q(("district", "DC5"), ("risk", "critical")), c),
                async c => { await using var db = await contexts.CreateDbContextAsync(c); await db.HealthChecks.CountAsync(h => h.DistrictCode == "DC5" && h.Risk == Data.Domain.Risk.Critical, c); }),
        ]);
        return list;
    }

    private sealed record Sample(string Msisdn, Guid Id, string DeduplicationId, DateTimeOffset Timestamp);

    private static async Task<Sample> SampleAsync(NpgsqlDataSource ds, long offset, CancellationToken ct)
    {
        // OFFSET here is setup, run once and not timed: it picks a row to search for.
        await using var cmd = ds.CreateCommand($"SELECT msisdn, id, deduplication_id, timestamp FROM health_checks ORDER BY timestamp DESC, id DESC OFFSET {offset} LIMIT 1");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) throw new InvalidOperationException("health_checks is empty: seed it first (Admin seed --rows N).");
        return new Sample(r.GetString(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3));
    }

    private static async Task<string> CursorAtDepthAsync(NpgsqlDataSource ds, long depth, CancellationToken ct)
    {
        await using var cmd = ds.CreateCommand($"SELECT timestamp, id FROM health_checks ORDER BY timestamp DESC, id DESC OFFSET {depth} LIMIT 1");
        cmd.CommandTimeout = 0; // setup: reading 50M rows deep takes minutes on a cold cache
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return KeysetCursor.Encode([r.GetFieldValue<DateTimeOffset>(0), r.GetGuid(1)]);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource ds, string sql, CancellationToken ct)
    {
        await using var cmd = ds.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
