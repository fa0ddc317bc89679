using Admin.Data.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Feed;

/// <summary>
/// The change feed's statements: rows in (change_xid, id) order, below the safe horizon.
/// <list type="bullet">
/// <item><b>Seek</b> (no filter): a range scan of <c>ix_health_checks_change_xid_id</c> from the cursor, LIMIT page + 1,
/// returning the rows themselves: one statement, one snapshot.</item>
/// <item><b>Phone</b> (msisdn, with or without other filters): <c>ix_health_checks_msisdn</c> finds the
/// number's few rows, sorted into feed order: a person has tens of checks, not millions. Also returns rows.</item>
/// <item><b>Scan</b> (since, province, district, risk): walks the feed index from the cursor for at most the scan budget,
/// checks the filter on each row, and stops at page + 1 matches or at the budget, whichever comes first. Returns keys
/// (change_xid, id, hit, scanned); the entry at the budget comes back as a marker (hit = false unless it matches), so the
/// next page starts after it: a rare filter gives short or empty pages, never a slow one, and needs no composite index.</item>
/// </list>
/// </summary>
public static class HealthCheckFeedSql
{
    /// <summary>Only transactions that have ended lie below it: no row can appear there later (README, "API").</summary>
    public const string Horizon = "pg_snapshot_xmin(pg_current_snapshot())";

    /// <summary>The statement for a page; <see cref="FeedStatement.ReturnsRows"/> says whether it returns rows or keys.</summary>
    public static FeedStatement Build(FeedRequest request)
    {
        var p = new List<NpgsqlParameter>();
        string Param(object value, NpgsqlDbType type)
        {
            var name = "p" + p.Count;
            p.Add(new NpgsqlParameter(name, type) { Value = value });
            return "@" + name;
        }

        var lower = request.After is { } after
            ? $"(change_xid, id) > ({Param(after.ChangeXid, NpgsqlDbType.Xid8)}, {Param(after.Id, NpgsqlDbType.Uuid)}) AND "
            : "";
        var f = request.Filter;
        if (f.Msisdn is not null)
        {
            // The number's rows first (a handful, through its index), behind a fence, and the cursor applied to them
            // afterwards: near the end of the feed the planner believes almost nothing lies after the cursor and, given
            // the chance, walks the feed index instead, checking every row for the number (10M rows deep on the bench).
            var number = Param(f.Msisdn, NpgsqlDbType.Varchar);
            var extra = string.Concat(Predicates(f, Param).Select(w => " AND " + w));
            var cursor = lower.Length == 0 ? "" : "WHERE " + lower[..^" AND ".Length];
            return new FeedStatement($"""
                WITH person AS MATERIALIZED (
                    SELECT *, xmin FROM health_checks
                    WHERE msisdn = {number} AND change_xid < {Horizon}{extra})
                SELECT * FROM person
                {cursor}
                ORDER BY change_xid, id
                LIMIT {Param(request.PageSize + 1, NpgsqlDbType.Integer)}
                """, p.ToArray(), ReturnsRows: true);
        }
        if (f.IsEmpty)
        {
            // xmin is a system column, not in *: the entity's concurrency token needs it named.
            return new FeedStatement($"""
                SELECT *, xmin FROM health_checks
                WHERE {lower}change_xid < {Horizon}
                ORDER BY change_xid, id
                LIMIT {Param(request.PageSize + 1, NpgsqlDbType.Integer)}
                """, p.ToArray(), ReturnsRows: true);
        }

        var budget = Param(request.ScanBudget, NpgsqlDbType.Integer);
        return new FeedStatement($"""
            SELECT change_xid, id, hit, scanned FROM (
                SELECT w.change_xid, w.id,
                       coalesce({string.Join(" AND ", Predicates(f, Param))}, false) AS hit,
                       row_number() OVER (ORDER BY w.change_xid, w.id) AS scanned
                FROM (SELECT change_xid, id, timestamp, province, district_code, risk
                      FROM health_checks
                      WHERE {lower}change_xid < {Horizon}
                      ORDER BY change_xid, id
                      LIMIT {budget}) w
            ) s
            WHERE hit OR scanned = {budget}
            ORDER BY change_xid, id
            LIMIT {Param(request.PageSize + 1, NpgsqlDbType.Integer)}
            """, p.ToArray(), ReturnsRows: false);
    }

    private static IEnumerable<string> Predicates(HealthCheckFeedFilter f, Func<object, NpgsqlDbType, string> param)
    {
        if (f.Since is { } since) yield return $"timestamp >= {param(since.ToUniversalTime(), NpgsqlDbType.TimestampTz)}";
        if (f.Province is { } province) yield return $"province = {param(Codes<Province>.ToCode(province), NpgsqlDbType.Varchar)}";
        if (f.District is { } district) yield return $"district_code = {param(district, NpgsqlDbType.Varchar)}";
        if (f.Risk is { } risk) yield return $"risk = {param(Codes<Risk>.ToCode(risk), NpgsqlDbType.Varchar)}";
    }
}

/// <summary>A feed statement: its text, its parameters, and whether it returns whole rows or only keys.</summary>
public sealed record FeedStatement(string Sql, NpgsqlParameter[] Parameters, bool ReturnsRows)
{
    /// <summary>Fresh parameter copies (a parameter belongs to one command at a time).</summary>
    public NpgsqlParameter[] CloneParameters() => Parameters.Select(x => x.Clone()).ToArray();
}
