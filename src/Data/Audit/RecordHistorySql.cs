namespace Admin.Data.Audit;

/// <summary>
/// One page of a record's audit entries, newest first, after a (at, id) position: record_id = $1 is the index condition
/// of ix_audit_entries_record_at_id (record_id, at DESC, id DESC), whose order is the page's, so a page reads at most
/// $4 of that record's entries however long the trail grows.
/// </summary>
public static class RecordHistorySql
{
    public const string Page = """
        SELECT id, at, actor_id, actor_name, action, table_name, record_id, query, rows, detail::text, client_address
        FROM audit_entries
        WHERE record_id = $1 AND ($2::timestamptz IS NULL OR (at, id) < ($2, $3))
        ORDER BY at DESC, id DESC
        LIMIT $4
        """;
}
