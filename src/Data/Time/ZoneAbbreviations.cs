namespace Admin.Data.Time;

/// <summary>
/// A zone's abbreviations ("SAST", "GMT"/"BST") for labels. .NET names zones in words ("South Africa Standard Time")
/// or not at all, so they come from the last line of the zone's tzdata file, a POSIX TZ rule ("SAST-2",
/// "GMT0BST,M3.5.0/1,M10.5.0"). Numeric names ("&lt;+03&gt;-3") and an unreadable file give "UTC+03:00" instead.
/// </summary>
internal static class ZoneAbbreviations
{
    private static readonly string[] ZoneInfoDirectories = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"];

    public static (string Standard, string? Daylight) Of(string id, TimeZoneInfo info)
    {
        if (id is "UTC" or "Etc/UTC" or "Etc/UCT" or "UCT" or "Zulu" or "Etc/Zulu") return ("UTC", null);
        var fallback = Offset(info.BaseUtcOffset);
        var summer = Offset(info.BaseUtcOffset + (info.GetAdjustmentRules() is { Length: > 0 } rules ? rules[^1].DaylightDelta : TimeSpan.FromHours(1)));
        var rule = FooterRule(id);
        if (rule is null) return (fallback, info.SupportsDaylightSavingTime ? summer : null);
        var pos = 0;
        var standard = Name(rule, ref pos);
        SkipOffset(rule, ref pos);
        var daylight = pos < rule.Length && rule[pos] != ',' ? Name(rule, ref pos) : null;
        return (Readable(standard) ?? fallback, daylight is null ? null : Readable(daylight) ?? summer);
    }

    private static string? FooterRule(string id)
    {
        if (id.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(id)) return null;
        foreach (var dir in ZoneInfoDirectories)
        {
            var path = Path.Combine(dir, id);
            try
            {
                if (!File.Exists(path)) continue;
                var bytes = File.ReadAllBytes(path);
                // TZif v2+: the file ends "\n<rule>\n".
                if (bytes.Length < 4 || bytes[^1] != (byte)'\n') return null;
                var start = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2);
                if (start < 0) return null;
                var rule = System.Text.Encoding.ASCII.GetString(bytes, start + 1, bytes.Length - start - 2);
                return rule.Length > 0 && rule.All(c => c is >= ' ' and <= '~') ? rule : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return null;
    }

    private static string Name(string rule, ref int pos)
    {
        if (pos < rule.Length && rule[pos] == '<')
        {
            var end = rule.IndexOf('>', pos);
            if (end < 0) { pos = rule.Length; return ""; }
            var quoted = rule[(pos + 1)..end];
            pos = end + 1;
            return quoted;
        }
        var start = pos;
        while (pos < rule.Length && char.IsAsciiLetter(rule[pos])) pos++;
        return rule[start..pos];
    }

    private static void SkipOffset(string rule, ref int pos)
    {
        while (pos < rule.Length && (char.IsAsciiDigit(rule[pos]) || rule[pos] is '+' or '-' or ':')) pos++;
    }

    // Letters only ("SAST"); a numeric name ("+03") says nothing a UTC offset would not say better.
    private static string? Readable(string name) => name.Length >= 3 && name.All(char.IsAsciiLetter) ? name : null;

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";
}
