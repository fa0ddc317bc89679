using System.Globalization;
using System.Text.RegularExpressions;
using Admin.Data.Listing;

namespace Admin.Data.Exports;

/// <summary>
/// COPY takes no bind parameters, so an export's WHERE values are written into its SQL as literals. Only the value
/// types the list engine produces are accepted, strings are quoted by doubling single quotes, and the export's
/// transaction sets standard_conforming_strings = on, so a backslash is just a backslash: a value can never end its
/// literal early. The values were validated by <see cref="ListQueryParser"/> before they get here.
/// </summary>
internal static partial class SqlLiterals
{
    [GeneratedRegex(@"@p(\d+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>Replaces each @pN of <paramref name="sql"/> (text this app built) by its value as a literal.</summary>
    public static string Inline(string sql, SqlParameters parameters) =>
        Placeholder().Replace(sql, m => Literal(parameters.List[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)].Value));

    public static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => Quote(s),
        Guid g => Quote(g.ToString("D")) + "::uuid",
        DateTimeOffset d => Quote(d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)) + "::timestamptz",
        DateTime d => Literal(new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime())),
        DateOnly d => Quote(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) + "::date",
        bool b => b ? "true" : "false",
        int or long or short => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new NotSupportedException($"An export cannot filter by a {value.GetType().Name} value."),
    };

    public static string Quote(string s)
    {
        // PostgreSQL text cannot hold NUL; refuse rather than let the server cut the literal.
        if (s.Contains('\0')) throw new ListRequestException("The request contains a character that cannot be searched for.");
        return "'" + s.Replace("'", "''") + "'";
    }
}
