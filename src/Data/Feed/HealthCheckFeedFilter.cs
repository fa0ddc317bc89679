using System.Globalization;
using System.Text;
using Admin.Data.Domain;
using Admin.Data.Security;

namespace Admin.Data.Feed;

/// <summary>
/// What a change-feed client asked for, already validated and normalised (current province codes, E.164 numbers), so
/// equal requests have equal <see cref="Canonical"/> text: the text a cursor is bound to.
/// </summary>
public sealed record HealthCheckFeedFilter
{
    /// <summary>Checks whose own <c>timestamp</c> is at or after this instant (the old API's <c>timestamp_gt</c>).</summary>
    public DateTimeOffset? Since { get; init; }
    public Province? Province { get; init; }
    /// <summary>A district code as stored (e.g. "DC5", "JHB").</summary>
    public string? District { get; init; }
    public Risk? Risk { get; init; }
    /// <summary>A full number in E.164.</summary>
    public string? Msisdn { get; init; }

    public static readonly HealthCheckFeedFilter None = new();

    public bool IsEmpty => Since is null && Province is null && District is null && Risk is null && Msisdn is null;

    /// <summary>Filters the change-feed index cannot check itself (everything but the phone number, which has its own index).</summary>
    public bool NeedsScan => Msisdn is null && !IsEmpty;

    /// <summary>Stable text of the filter: fixed key order, normalised values.</summary>
    public string Canonical => Describe(maskPersonalData: false);

    /// <summary>The filter as a query string, for the audit trail: the phone number masked unless the reader sees it.</summary>
    public string Describe(bool maskPersonalData)
    {
        var s = new StringBuilder();
        void Add(string key, string? value)
        {
            if (value is null) return;
            if (s.Length > 0) s.Append('&');
            s.Append(key).Append('=').Append(value);
        }
        Add("since", Since?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Add("province", Province is { } p ? Codes<Province>.ToCode(p) : null);
        Add("district", District);
        Add("risk", Risk is { } r ? Codes<Risk>.ToCode(r) : null);
        Add("msisdn", Msisdn is null ? null : maskPersonalData ? PersonalData.MaskPhone(Msisdn) : Msisdn);
        return s.ToString();
    }
}
