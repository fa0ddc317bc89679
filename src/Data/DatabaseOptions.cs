namespace Admin.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Falls back to ConnectionStrings:Admin.</summary>
    public string ConnectionString { get; set; } = "";
}
