namespace Admin.Data.Preferences;

/// <summary>The columns one person chose for one list (by the list's slug), kept with their account.</summary>
public class UserColumnChoice
{
    public string UserId { get; set; } = "";
    public string List { get; set; } = "";
    /// <summary>Column names as the list declares them; names the list no longer has are ignored when read.</summary>
    public string[] Columns { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}
