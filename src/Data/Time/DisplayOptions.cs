namespace Admin.Data.Time;

/// <summary>The "Display" section: how people read and enter times.</summary>
public sealed class DisplayOptions
{
    public const string Section = "Display";

    /// <summary>
    /// The IANA time zone every time in the UI is shown and entered in, and whose days the rollups, hotspots and the
    /// timeline count by (changing it rebuilds the rollups). The API and exports stay UTC.
    /// </summary>
    public string TimeZone { get; set; } = DisplayTimeZone.DefaultId;
}
