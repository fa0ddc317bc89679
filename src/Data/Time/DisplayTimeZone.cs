using System.Globalization;

namespace Admin.Data.Time;

/// <summary>
/// The display time zone (<c>Display:TimeZone</c>, an IANA id): the one place that turns instants into the local
/// times and days people read, and local dates and times they type into instants. Rollup days are its days too
/// (PostgreSQL gets <see cref="Id"/> as <c>@tz</c>: <see cref="Rollups.RollupDay"/>), so a check at 01:30 SAST on the
/// 2nd counts on the 2nd. Local times that do not exist or occur twice (daylight saving) are read as PostgreSQL reads
/// them, so C# and SQL agree on every day's first instant.
/// </summary>
public sealed class DisplayTimeZone
{
    public const string DefaultId = "Africa/Johannesburg";

    /// <summary>The product's default zone (what <see cref="DisplayOptions.TimeZone"/> defaults to).</summary>
    public static readonly DisplayTimeZone Default = new(DefaultId);

    public DisplayTimeZone(string id)
    {
        if (!TryFind(id, out var info))
            throw new ArgumentException($"Display:TimeZone '{id}' is not a time zone this machine knows. Use an IANA id such as {DefaultId} or UTC.", nameof(id));
        Id = id.Trim();
        Info = info;
        (Standard, Daylight) = ZoneAbbreviations.Of(Id, info);
        Label = Daylight is null || Daylight == Standard ? Standard : $"{Standard}/{Daylight}";
    }

    /// <summary>The IANA id, as configured: what PostgreSQL's <c>AT TIME ZONE</c> takes.</summary>
    public string Id { get; }

    public TimeZoneInfo Info { get; }

    /// <summary>The zone's abbreviation for labels: "SAST"; "GMT/BST" for a zone with daylight saving.</summary>
    public string Label { get; }

    private string Standard { get; }
    private string? Daylight { get; }

    /// <summary>Whether <paramref name="id"/> names a zone (an IANA id; not an empty string nor a bare offset).</summary>
    public static bool TryFind(string? id, out TimeZoneInfo info)
    {
        info = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            info = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The abbreviation in force at <paramref name="instant"/> ("SAST"; "BST" in a London summer).</summary>
    public string AbbreviationAt(DateTimeOffset instant) =>
        Daylight is not null && Info.IsDaylightSavingTime(instant) ? Daylight : Standard;

    /// <summary>The local wall-clock time of an instant (Kind Unspecified).</summary>
    public DateTime ToLocal(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Info).DateTime, DateTimeKind.Unspecified);

    /// <summary>The local day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>
    /// The instant of a local wall-clock time. As PostgreSQL: a time in a spring-forward gap is read with the offset
    /// before the jump, a time that occurs twice with the offset after the fall-back (both: the smaller offset).
    /// </summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (Info.IsAmbiguousTime(local)) offset = Info.GetAmbiguousTimeOffsets(local).Min();
        else if (Info.IsInvalidTime(local))
        {
            var before = Info.GetUtcOffset(local.AddHours(-12));
            var after = Info.GetUtcOffset(local.AddHours(12));
            offset = before < after ? before : after;
        }
        else offset = Info.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The instant local day <paramref name="day"/> begins (UTC offset).</summary>
    public DateTimeOffset StartOf(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>An instant as local text in an invariant <paramref name="format"/>, e.g. "d MMM yyyy HH:mm".</summary>
    public string Format(DateTimeOffset instant, string format) =>
        ToLocal(instant).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An instant as local text followed by the abbreviation in force: "14 Mar 2021 10:32 SAST".</summary>
    public string FormatWithZone(DateTimeOffset instant, string format) =>
        Format(instant, format) + " " + AbbreviationAt(instant);

    public override string ToString() => Id;
}
