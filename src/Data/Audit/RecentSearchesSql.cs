namespace Admin.Data.Audit;

/// <summary>
/// A person's latest distinct searches, newest first. The inner query walks ix_audit_entries_actor_at_id
/// (actor_name, at DESC, id DESC) for that name's newest $3 entries, whatever their action, so the read is bounded
/// however long the trail grows; the outer one keeps searches by that account (the id: a later account of the same
/// name is someone else) and one line per distinct search.
/// </summary>
public static class RecentSearchesSql
{
    public const string Latest = """
        SELECT table_name, query, max(at) AS at
        FROM (
            SELECT at, actor_id, action, table_name, query
            FROM audit_entries
            WHERE actor_name = $1
            ORDER BY at DESC, id DESC
            LIMIT $3
        ) recent
        WHERE actor_id = $2 AND action = 'search' AND table_name IS NOT NULL AND query IS NOT NULL AND query <> ''
        GROUP BY table_name, query
        ORDER BY max(at) DESC
        LIMIT $4
        """;
}
