using System.Data;
using System.Globalization;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using Admin.Data.Rollups;
using Admin.Data.Time;
using Microsoft.Extensions.Options;
using Admin.Data.Routing;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>
/// The timeline beside the records grid: exact checks per day, week or month of the grid's filter over its whole
/// span (its date range, else the days the rollups hold), from the rollups plus the rows the last refresh could not
/// see, in one REPEATABLE READ snapshot (the rollup half shared by readers of the same rollups, RollupPartCache). Null for a search (its rows have no rollup; an unbounded scan
/// of its index is not worth a picture), for a list that declares no timeline, before the first refresh, when there
/// are no checks, or past <see cref="CountOptions.RollupTimeout"/>: the page then shows no timeline.
/// </summary>
public sealed class RollupTimeline(ReadSource dataSource, IOptions<CountOptions> options, DisplayTimeZone? zone = null)
{
    // Buckets are local days (weeks, months) of the display zone, as the rollups'.
    private readonly DisplayTimeZone _zone = zone ?? DisplayTimeZone.Default;
    private readonly RollupPartCache<IReadOnlyDictionary<DateOnly, long>> _rollups = new();

    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 1);

    /// <summary>Spans up to this many days are shown per day; up to <see cref="MaxWeeklyDays"/> per week; longer ones per month.</summary>
    public const int MaxDailyDays = 92;
    public const int MaxWeeklyDays = 366;

    /// <summary>Whether the list declares a timeline (a date range with a facet) and the rollups can count the query.</summary>
    public static bool Covers<T>(ListQuery<T> query) where T : class =>
        RollupCounter.Covers(query) && query.Table.Filters.Any(f => f.Kind == FilterKind.DateRange && f.Facet != FacetDisplay.None);

    public static TimelineUnit UnitFor(int days) =>
        days <= MaxDailyDays ? TimelineUnit.Day : days <= MaxWeeklyDays ? TimelineUnit.Week : TimelineUnit.Month;

    public Task<Timeline?> TryReadAsync<T>(ListQuery<T> query, CancellationToken ct) where T : class =>
        Covers(query)
            ? ReadAsync(query.Dates?.From, query.Dates?.To?.AddDays(1), query.Filters.Select(f => (f.Definition.Column, f.Value)).ToList(), ct)
            : Task.FromResult<Timeline?>(null);

    /// <summary>
    /// The timeline of checks from <paramref name="from"/> to <paramref name="to"/> (exclusive; null: where the data
    /// begins or ends) matching every (column, value) of <paramref name="filters"/> (rollup dimensions).
    /// </summary>
    public async Task<Timeline?> ReadAsync(DateOnly? from, DateOnly? to, IReadOnlyList<(string Column, string Value)> filters, CancellationToken ct)
    {
        if (filters.Any(f => !RollupCube.Columns.Contains(f.Column)))
            throw new ArgumentException($"The rollups count by {string.Join(", ", RollupCube.Columns)} only.", nameof(filters));
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        try
        {
            if (await RollupSnapshot.ReadAsync(conn, tx, options.Value.RollupTimeout, TimelineSql.SnapshotAndExtent, _zone.Id, r => (
                    Snapshot: r.GetString(0), Xmin: r.GetFieldValue<ulong>(1),
                    First: r.IsDBNull(2) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(2), Last: r.IsDBNull(3) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(3),
                    MonthsPending: r.GetBoolean(4), Version: r.GetString(5)), ct)
                is not { } watermark)
                return null; // no refresh yet
            var (snapshot, xmin, first, last, monthsPending, version) = watermark;

            // The span shown: the filter's range, within the days the data covers (a range reaching back to 2000 is not
            // twenty years of empty months); rows the refresh has not seen widen it below.
            var lo = from ?? first;
            var hi = to ?? last?.AddDays(1);
            if (lo is null || hi is null) return null; // no checks and no range to show
            if (first is { } f && last is { } l && Max(lo.Value, f) is var clampLo && Min(hi.Value, l.AddDays(1)) is var clampHi && clampHi > clampLo)
                (lo, hi) = (clampLo, clampHi);
            if (hi <= lo) hi = lo.Value.AddDays(1);
            var unit = UnitFor(hi.Value.DayNumber - lo.Value.DayNumber);

            var dFrom = from ?? Earliest;
            var dTo = to ?? Latest;
            var (mFrom, mTo) = (dFrom, dFrom);
            if (unit == TimelineUnit.Month && !monthsPending) // pending: the months lag their days, so sum days
            {
                // Whole months inside [dFrom, dTo) from the monthly rollup; the days at either end from the daily one.
                mFrom = Timeline.Truncate(dFrom, TimelineUnit.Month) is var m && m == dFrom ? m : m.AddMonths(1);
                mTo = Timeline.Truncate(dTo, TimelineUnit.Month);
                if (mTo < mFrom) mTo = mFrom;
            }
            var columns = filters.Select(x => x.Column).ToList();
            NpgsqlCommand Command(string sql, params NpgsqlParameter[] parameters)
            {
                var cmd = new NpgsqlCommand(sql, conn, tx);
                cmd.Parameters.AddRange(parameters);
                for (var i = 0; i < filters.Count; i++) cmd.Parameters.AddWithValue("f" + i.ToString(CultureInfo.InvariantCulture), filters[i].Value);
                return cmd;
            }
            var key = $"{unit}/{mFrom:O}/{mTo:O}/{dFrom:O}/{dTo:O}/{string.Join('\u001f', filters.Select(x => x.Column + "=" + x.Value))}";
            var fromRollups = await _rollups.GetAsync(version, key, () => ReadBucketsAsync(Command(TimelineSql.BucketsFromRollups(unit, columns),
                new("m_from", mFrom), new("m_to", mTo), new("d_from", dFrom), new("d_to", dTo)), ct));
            var live = await ReadBucketsAsync(Command(TimelineSql.BucketsLive(unit, columns),
                new("ts_from", _zone.StartOf(dFrom)), new("ts_to", _zone.StartOf(dTo)), new(RollupDay.ZoneParameter, _zone.Id),
                new("snapshot", snapshot), new("xmin", NpgsqlTypes.NpgsqlDbType.Xid8) { Value = xmin }), ct);
            var counts = new Dictionary<DateOnly, long>(fromRollups);
            foreach (var (bucket, checks) in live) counts[bucket] = counts.GetValueOrDefault(bucket) + checks;
            await tx.CommitAsync(ShortStatement.Token(ct));

            if (counts.Count > 0)
            {
                lo = Min(lo.Value, Max(counts.Keys.Min(), dFrom));
                hi = Max(hi.Value, Min(Timeline.Next(counts.Keys.Max(), unit), dTo));
            }
            return Dense(lo.Value, hi.Value, unit, counts);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled) // the limit set in RollupSnapshot
        {
            return null; // too many rows since the last refresh to add up in time: no timeline
        }
    }

    // Every bucket of [lo, hi), empty ones included, the first starting at lo.
    private static Timeline Dense(DateOnly lo, DateOnly hi, TimelineUnit unit, Dictionary<DateOnly, long> counts)
    {
        var buckets = new List<TimelineBucket>();
        for (var start = Timeline.Truncate(lo, unit); start < hi; start = Timeline.Next(start, unit))
            buckets.Add(new TimelineBucket(Max(start, lo), counts.GetValueOrDefault(start)));
        return new Timeline(lo, hi, unit, buckets);
    }

    private static async Task<IReadOnlyDictionary<DateOnly, long>> ReadBucketsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var cmd = command;
        await using var rows = await cmd.ExecuteReaderAsync(ShortStatement.Token(ct));
        var counts = new Dictionary<DateOnly, long>();
        while (await rows.ReadAsync(ShortStatement.Token(ct))) counts[rows.GetFieldValue<DateOnly>(0)] = rows.GetInt64(1);
        return counts;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
