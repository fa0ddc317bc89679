using System.Text.RegularExpressions;

namespace Admin.Data.Listing.Indexes;

/// <summary>
/// Compares an index's expression as PostgreSQL prints it with the SQL a definition declares: PostgreSQL adds casts
/// (<c>(msisdn)::text</c>), parentheses and drops quotes, none of which changes which query the index serves.
/// </summary>
public static partial class IndexExpressions
{
    public static bool Same(string? printed, string declared) => printed is not null && Normal(printed) == Normal(declared);

    private static string Normal(string sql) => Noise().Replace(sql, "").ToLowerInvariant();

    [GeneratedRegex(@"::[a-z ]+(\[\])?|[\s()""]")]
    private static partial Regex Noise();
}
