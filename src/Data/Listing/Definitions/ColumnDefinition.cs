using System.Globalization;
using Admin.Data.Time;

namespace Admin.Data.Listing.Definitions;

/// <summary>A column the list shows: its title and how a row's value reads.</summary>
public sealed record ColumnDefinition<T>(string Name, string Title, Func<T, string> Format)
{
    /// <summary>Relative width hint for the grid (CSS length, e.g. "12rem").</summary>
    public string? Width { get; init; }

    /// <summary>Shown until a person chooses otherwise (Django's list_display); the others are offered by the column chooser.</summary>
    public bool ShownByDefault { get; init; } = true;

    /// <summary>
    /// For a point in time (<see cref="Time"/>): the instant, which pages show in the display time zone with the zone
    /// in the title (<see cref="TitleIn"/>, <see cref="Text"/>); <see cref="Format"/> then reads it in UTC.
    /// </summary>
    public Func<T, DateTimeOffset>? Instant { get; init; }

    /// <summary>How <see cref="Instant"/> reads (invariant .NET format).</summary>
    public string TimeFormat { get; init; } = DefaultTimeFormat;

    public const string DefaultTimeFormat = "d MMM yyyy HH:mm";

    /// <summary>A point-in-time column: "Time (SAST)", "14 Mar 2021 10:32" in the display zone.</summary>
    public static ColumnDefinition<T> Time(string name, string title, Func<T, DateTimeOffset> instant, string format = DefaultTimeFormat) =>
        new(name, title, x => instant(x).UtcDateTime.ToString(format + " 'UTC'", CultureInfo.InvariantCulture)) { Instant = instant, TimeFormat = format };

    /// <summary>The title a page shows: a time column names the zone, "Time (SAST)".</summary>
    public string TitleIn(DisplayTimeZone zone) => Instant is null ? Title : $"{Title} ({zone.Label})";

    /// <summary>The value a page shows: a time column's in the display zone.</summary>
    public string Text(T row, DisplayTimeZone zone) => Instant is null ? Format(row) : zone.Format(Instant(row), TimeFormat);
}
