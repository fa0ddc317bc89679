namespace Admin.Data.Listing;

/// <summary>The one SELECT a keyset window runs: filters, the cursor's seek predicate, the ordering, LIMIT n+1.</summary>
public static class WindowSql
{
    public static string Build<T>(ListQuery<T> query, WindowRequest request, SqlParameters ps) where T : class
    {
        var keys = query.Ordering.Keys;
        var where = new List<string>();
        var filter = query.WhereSql(ps);
        if (filter.Length > 0) where.Add(filter);

        switch (request.Anchor)
        {
            case WindowAnchor.After or WindowAnchor.Before or WindowAnchor.At:
                var values = KeysetCursor.Decode(request.Cursor ?? "", keys, query.Table.IsPersonal);
                where.Add(Keyset.After(keys, CursorValues(query.Table, keys, values, ps), reverse: request.Backward, inclusive: request.Anchor == WindowAnchor.At));
                break;
            case WindowAnchor.Seek:
                if (request.SeekValue is null || request.SeekValue.GetType() != keys[0].Type)
                    throw new ListRequestException($"This list can only jump to a {keys[0].Type.Name} position.", "at");
                where.Add(Keyset.SeekLeading(keys[0], ps.Add(request.SeekValue), reverse: false));
                break;
        }

        // xmin is a system column, so not in *: entities that carry it as their concurrency token need it named.
        return $"SELECT *, xmin FROM {Keyset.Quote(query.Table.Table)}"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + $" ORDER BY {Keyset.OrderBy(keys, request.Backward)} LIMIT {Count(request) + 1}";
    }

    /// <summary>
    /// SQL for each key value of a cursor: a parameter, or for a personal column (withheld from cursors), the value read
    /// back from the cursor's row by primary key, a one-row index lookup PostgreSQL runs once per statement.
    /// </summary>
    private static List<string> CursorValues<T>(Definitions.TableDefinition<T> table, IReadOnlyList<Definitions.KeyColumn> keys, object?[] values, SqlParameters ps)
        where T : class
    {
        if (values.All(v => v is not null))
            return values.Select(v => ps.Add(v!)).ToList();
        var idIndex = keys.ToList().FindIndex(k => k.Column == table.IdColumn);
        if (idIndex < 0 || values[idIndex] is not { } id)
            throw new InvalidOperationException($"{table.Table}: an ordering with a personal key column must end with the primary key {table.IdColumn}.");
        var idParameter = ps.Add(id);
        return keys.Select((k, i) => i == idIndex ? idParameter
            : values[i] is { } v ? ps.Add(v)
            : $"(SELECT {Keyset.Quote(k.Column)} FROM {Keyset.Quote(table.Table)} WHERE {Keyset.Quote(table.IdColumn)} = {idParameter})").ToList();
    }

    public static int Count(WindowRequest request) => Math.Clamp(request.Count, 1, WindowRequest.MaxCount);
}
