using System.Globalization;
using Admin.Data.Domain;
using Admin.Data.Feed;
using Admin.Data.Reference;

namespace Admin.Api.Feed;

/// <summary>
/// The change feed's query string, checked strictly: known parameters only, each at most once, each value valid;
/// anything else is a <see cref="FeedQueryException"/> naming the parameter and what would be accepted.
/// </summary>
public sealed record FeedQuery(HealthCheckFeedFilter Filter, string? Cursor, int PageSize, bool PageSizeGiven)
{
    public const string CursorParameter = "cursor";
    public const string PageSizeParameter = "page_size";

    public static readonly IReadOnlyList<string> Parameters = ["cursor", "page_size", "since", "province", "district", "risk", "msisdn"];

    private const int MaxValueLength = 64;

    public static FeedQuery Parse(IQueryCollection query, ApiOptions options)
    {
        foreach (var (key, values) in query)
        {
            if (!Parameters.Contains(key, StringComparer.Ordinal))
                throw new FeedQueryException(key, $"Unknown parameter '{Clip(key)}'. This endpoint accepts: {string.Join(", ", Parameters)}.");
            if (values.Count > 1)
                throw new FeedQueryException(key, $"'{key}' was given {values.Count} times; give it once.");
            if (string.IsNullOrWhiteSpace(values[0]))
                throw new FeedQueryException(key, $"'{key}' is empty; leave it out or give a value.");
            if (key != CursorParameter && values[0]!.Length > MaxValueLength)
                throw new FeedQueryException(key, $"'{key}' is too long.");
        }
        string? Value(string name) => query.TryGetValue(name, out var v) ? v[0]!.Trim() : null;

        var pageSize = options.DefaultPageSize;
        var pageSizeText = Value(PageSizeParameter);
        if (pageSizeText is not null)
        {
            if (!int.TryParse(pageSizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1)
                throw new FeedQueryException(PageSizeParameter, $"page_size must be a whole number from 1 to {options.MaxPageSize}.");
            if (pageSize > options.MaxPageSize)
                throw new FeedQueryException(PageSizeParameter, $"page_size may be at most {options.MaxPageSize}; follow the cursor for more rows.");
        }

        var filter = new HealthCheckFeedFilter
        {
            Since = Value("since") is { } since ? ParseSince(since) : null,
            Province = Value("province") is { } province
                ? ProvinceCodes.TryNormalize(province, out var p) ? p
                    : throw new FeedQueryException("province", $"'{Clip(province)}' is not a province code. Use one of {string.Join(", ", Codes<Province>.AllCodes)} (ZA-GT, ZA-NL, ZA-NP are read as their current codes).")
                : null,
            District = Value("district") is { } district
                ? Districts.Find(district)?.Code
                    ?? throw new FeedQueryException("district", $"'{Clip(district)}' is not a district code, e.g. DC5 (Namakwa) or JHB (City of Johannesburg).")
                : null,
            Risk = Value("risk") is { } risk
                ? Codes<Risk>.TryParse(risk.ToLowerInvariant(), out var r) ? r
                    : throw new FeedQueryException("risk", $"'{Clip(risk)}' is not a risk level. Use one of {string.Join(", ", Codes<Risk>.AllCodes)}.")
                : null,
            Msisdn = Value("msisdn") is { } msisdn
                ? Data.Domain.Msisdn.TryNormalize(msisdn, out var e164) ? e164
                    : throw new FeedQueryException("msisdn", "msisdn must be a full South African mobile number: +27 and nine digits (encode + as %2B), or ten digits starting 06, 07 or 08.")
                : null,
        };
        return new FeedQuery(filter, Value(CursorParameter), pageSize, pageSizeText is not null);
    }

    private static DateTimeOffset ParseSince(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (text.Length >= 19 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at.AddTicks(-(at.Ticks % 10)); // PostgreSQL keeps microseconds: the filter and the cursor's copy of it agree
        var hint = text.Contains(' ') && text.Length > 19 ? " A '+' in a URL must be sent as %2B." : "";
        throw new FeedQueryException("since", $"since must be an ISO 8601 date or date-time, e.g. 2021-06-01 or 2021-06-01T08:00:00Z (UTC unless an offset is given).{hint}");
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}

public sealed class FeedQueryException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
