using Npgsql;

namespace Admin.Data.Preferences;

/// <summary>
/// Keeps each person's column choices in user_column_choices. It stores names as given (the page sends only names its
/// list has); what a saved name means is the list definition's business when read (TableDefinition.ColumnsFor).
/// </summary>
public sealed class ColumnChoiceStore(NpgsqlDataSource dataSource)
{
    public const int MaxColumns = 100;

    /// <summary>Every list's choice of one person, by list slug: one read however many lists they open.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> OfUserAsync(string userId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(ColumnChoiceSql.OfUser);
        cmd.Parameters.AddWithValue(userId);
        var choices = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            choices[r.GetString(0)] = r.GetFieldValue<string[]>(1);
        return choices;
    }

    /// <summary>Saves (or replaces) the person's choice for a list.</summary>
    public async Task SaveAsync(string userId, string list, IReadOnlyCollection<string> columns, CancellationToken ct = default)
    {
        if (columns.Count is 0 or > MaxColumns) throw new ArgumentException($"A choice holds 1 to {MaxColumns} columns.", nameof(columns));
        await using var cmd = dataSource.CreateCommand(ColumnChoiceSql.Save);
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.AddWithValue(list);
        cmd.Parameters.AddWithValue(columns.ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Back to the list's default columns: the saved choice is removed.</summary>
    public async Task ResetAsync(string userId, string list, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(ColumnChoiceSql.Reset);
        cmd.Parameters.AddWithValue(userId);
        cmd.Parameters.AddWithValue(list);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
