using Npgsql;

namespace Admin.Data.Audit;

/// <summary>One search as the audit trail holds it: the list's table and its query string (masked as it was written).</summary>
public sealed record RecentSearch(string Table, string Query, DateTimeOffset At);

/// <summary>
/// A person's own recent searches, from the audit trail (the record of what they searched, written before the rows
/// showed). Read from the primary: the search just made is on the list. Texts are as the trail holds them: a masked
/// role's phone numbers were written masked, so they come back masked.
/// </summary>
public sealed class RecentSearches(NpgsqlDataSource dataSource)
{
    /// <summary>How far back in the person's own trail (all actions) the searches are looked for.</summary>
    public const int LookBack = 500;

    public async Task<IReadOnlyList<RecentSearch>> LatestAsync(string actorId, string actorName, int take = 8, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(RecentSearchesSql.Latest);
        cmd.Parameters.AddWithValue(actorName);
        cmd.Parameters.AddWithValue(actorId);
        cmd.Parameters.AddWithValue(LookBack);
        cmd.Parameters.AddWithValue(take);
        var list = new List<RecentSearch>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new RecentSearch(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)));
        return list;
    }
}
