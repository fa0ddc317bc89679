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
                var values = KeysetCursor.Decode(request.Cursor ?? "", keys);
                var names = values.Select(ps.Add).ToList();
                where.Add(Keyset.After(keys, names, reverse: request.Backward, inclusive: request.Anchor == WindowAnchor.At));
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

    public static int Count(WindowRequest request) => Math.Clamp(request.Count, 1, WindowRequest.MaxCount);
}
