using System.Data;
using Admin.Data.Listing;
using Admin.Data.Persistence.Configurations;
using Admin.Data.Rollups;
using Admin.Data.Time;
using Microsoft.Extensions.Options;
using Admin.Data.Routing;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>
/// Exact, current counts of the HealthChecks list from the rollups, for every filter they cover (province, district,
/// risk, source, date range): the rollups as of the last refresh plus the rows committed since, read in one
/// REPEATABLE READ snapshot so a refresh committing meanwhile is seen wholly or not at all. Searches are not covered
/// (null: the caller's usual path). Null as well before the first refresh, or when the rows since the last one are too
/// many to add up within <see cref="CountOptions.RollupTimeout"/> (a bulk load ran and no refresh has followed yet).
/// </summary>
public sealed class RollupCounter(ReadSource dataSource, IOptions<CountOptions> options, DisplayTimeZone? zone = null)
{
    // Rollup days are this zone's days; rollups counted in another zone's (awaiting their rebuild) are not used.
    private readonly DisplayTimeZone _zone = zone ?? DisplayTimeZone.Default;
    private readonly RollupPartCache<IReadOnlyList<CubeCell>> _rollups = new();

    // Bounds for an open range: rollup days are dates, and a month key must stay a valid date.
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>Whether the rollups can count <paramref name="query"/>: the HealthChecks list, no search, only covered filters.</summary>
    public static bool Covers<T>(ListQuery<T> query) where T : class =>
        query.Table.Table == HealthCheckConfiguration.Table
        && query.Search is null
        && query.Filters.All(f => RollupCube.Columns.Contains(f.Definition.Column))
        && (query.Dates is null || query.Dates.Definition.Column == "timestamp");

    /// <summary>The exact count of <paramref name="query"/>, or null when the rollups cannot give it (see the class).</summary>
    public async Task<CountResult?> TryCountAsync<T>(ListQuery<T> query, CancellationToken ct) where T : class
    {
        if (!Covers(query)) return null;
        var cube = await CubeAsync(query, ct);
        return cube is null ? null : new CountResult(cube.Count(Filters(query)), CountSource.Rollups);
    }

    /// <summary>The cube for the query's date range (its other filters are applied by the caller), or null as for <see cref="TryCountAsync{T}"/>.</summary>
    public Task<RollupCube?> CubeAsync<T>(ListQuery<T> query, CancellationToken ct) where T : class =>
        Covers(query)
            ? CubeAsync(query.Dates?.Start, query.Dates?.End, ct)
            : Task.FromResult<RollupCube?>(null);

    /// <summary>The query's filters as column name to value: what <see cref="RollupCube.Count"/> and <see cref="RollupCube.Facet"/> take.</summary>
    public static Dictionary<string, string> Filters<T>(ListQuery<T> query) where T : class =>
        query.Filters.ToDictionary(f => f.Definition.Column, f => f.Value, StringComparer.Ordinal);

    /// <summary>
    /// Counts per (province, district, risk, source) of the checks from <paramref name="from"/> (inclusive) to
    /// <paramref name="to"/> (exclusive), null for open ends. Whole rollup days come from the rollups; parts of days at
    /// the ends from the table.
    /// </summary>
    public async Task<RollupCube?> CubeAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var start = from ?? _zone.StartOf(Earliest);
        var end = to ?? _zone.StartOf(Latest);
        // Whole days: from the first (local) day starting at or after `start` to the day `end` falls on (exclusive).
        var wholeFrom = _zone.DayOf(start) is var d && _zone.StartOf(d) == start ? d : d.AddDays(1);
        var wholeTo = _zone.DayOf(end);
        if (wholeTo < wholeFrom) wholeTo = wholeFrom;
        var (headTo, tailFrom) = wholeTo > wholeFrom
            ? (_zone.StartOf(wholeFrom), _zone.StartOf(wholeTo))
            : (end, end); // no whole day: the table counts all of [start, end)
        // Whole months: from the first month starting on or after wholeFrom to the month wholeTo starts in (exclusive).
        var monthFrom = new DateOnly(wholeFrom.Year, wholeFrom.Month, 1) is var m && m == wholeFrom ? m : m.AddMonths(1);
        var monthTo = new DateOnly(wholeTo.Year, wholeTo.Month, 1);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        try
        {
            if (await RollupSnapshot.ReadAsync(conn, tx, options.Value.RollupTimeout, RollupCountSql.Snapshot, _zone.Id,
                    r => (Snapshot: r.GetString(0), Xmin: r.GetFieldValue<ulong>(1), MonthsPending: r.GetBoolean(2), Version: r.GetString(3)), ct) is not { } watermark)
                return null; // no refresh yet (or none since Display:TimeZone changed)
            var (snapshot, xmin, monthsPending, version) = watermark;
            if (monthsPending) monthTo = monthFrom; // the months lag their days for a moment: sum the days

            var rollups = await _rollups.GetAsync(version, $"{monthFrom:O}/{monthTo:O}/{wholeFrom:O}/{wholeTo:O}", () => ReadCellsAsync(
                new NpgsqlCommand(RollupCountSql.CubeRollups, conn, tx)
                {
                    Parameters = { new("m_from", monthFrom), new("m_to", monthTo), new("d_from", wholeFrom), new("d_to", wholeTo) },
                }, ct));
            var live = await ReadCellsAsync(new NpgsqlCommand(RollupCountSql.CubeLive, conn, tx)
            {
                Parameters =
                {
                    new("whole_from", _zone.StartOf(wholeFrom)), new("whole_to", _zone.StartOf(wholeTo)),
                    new("head_from", start), new("head_to", headTo),
                    new("tail_from", tailFrom), new("tail_to", end),
                    new("snapshot", snapshot), new("xmin", NpgsqlTypes.NpgsqlDbType.Xid8) { Value = xmin },
                },
            }, ct);
            return new RollupCube(live.Count == 0 ? rollups : Merge(rollups, live));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled) // the limit set in RollupSnapshot
        {
            return null; // too many rows since the last refresh to add up in time: the caller's usual path
        }
    }

    private static async Task<IReadOnlyList<CubeCell>> ReadCellsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var cmd = command;
        await using var rows = await cmd.ExecuteReaderAsync(ShortStatement.Token(ct));
        var cells = new List<CubeCell>();
        while (await rows.ReadAsync(ShortStatement.Token(ct)))
            cells.Add(new CubeCell([rows.GetString(0), rows.GetString(1), rows.GetString(2), rows.GetString(3)], rows.GetInt64(4)));
        return cells;
    }

    // One cell per combination, as one GROUP BY over both halves would give.
    private static List<CubeCell> Merge(IReadOnlyList<CubeCell> rollups, IReadOnlyList<CubeCell> live) =>
        rollups.Concat(live)
            .GroupBy(c => string.Join('\u001f', c.Values), StringComparer.Ordinal)
            .Select(g => new CubeCell(g.First().Values, g.Sum(c => c.Count)))
            .ToList();
}
