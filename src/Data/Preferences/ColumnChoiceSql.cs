namespace Admin.Data.Preferences;

/// <summary>The column choices' statements: every list of one person at once (primary key prefix), and an upsert.</summary>
public static class ColumnChoiceSql
{
    public const string OfUser = "SELECT list, columns FROM user_column_choices WHERE user_id = $1";

    public const string Save = """
        INSERT INTO user_column_choices (user_id, list, columns, updated_at) VALUES ($1, $2, $3, now())
        ON CONFLICT (user_id, list) DO UPDATE SET columns = excluded.columns, updated_at = excluded.updated_at
        """;

    public const string Reset = "DELETE FROM user_column_choices WHERE user_id = $1 AND list = $2";
}
