namespace Admin.Data.Hotspots;

/// <summary>An inclusive range of local days (the display time zone's), as the dashboard's period and the records grid's from/to.</summary>
public readonly record struct HotspotPeriod
{
    public HotspotPeriod(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        (From, To) = (from, to);
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The last <paramref name="days"/> days up to and including <paramref name="to"/>.</summary>
    public static HotspotPeriod Ending(DateOnly to, int days) => new(to.AddDays(1 - days), to);

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
