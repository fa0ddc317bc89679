namespace Admin.Data.Entities;

/// <summary>
/// The phone contains-search's index: each number's 5-digit windows as an integer[] under GIN (array_ops). A number is
/// '+27' and 9 digits (ck_health_checks_msisdn); the index holds the 5 windows of the 9 national digits. Digits typed
/// that occur within the national part contain their own first and last 5 digits as two of its windows, so
/// "windows @> [first 5, last 5]" narrows to the rows a <c>LIKE '%digits%'</c> recheck confirms. An occurrence that starts
/// in the country code fixes where it sits, so it is a prefix of the number (<see cref="CountryCodePrefixes"/>), which the
/// number's btree serves. Keys come from 100,000 values, so each posting list is a few thousand rows even at 50M (pg_trgm's
/// digit trigrams come from 1,000 values: half a million rows each).
/// </summary>
/// <remarks>
/// The planner uses an expression index only for a query that repeats its expression exactly, so the migration and
/// the search's predicate both take <see cref="Expression"/> from here. A plain expression, no function: an index
/// build over 50M rows would pay a function call per row. Integer keys, not text: the build compares keys millions of
/// times (5M rows: 42 s against 70 s as text), and the cast cannot fail because ck_health_checks_msisdn admits digits only.
/// Five windows, not the seven that would include the country code: every number has the same "27", so those two
/// windows only cost (at 50M: 392 s of a load's index builds and 28.8 bytes a row for seven).
/// </remarks>
public static class PhoneWindowsSql
{
    public const string Index = "ix_health_checks_msisdn_windows";

    /// <summary>Digits in a window: the fewest a contains-search accepts.</summary>
    public const int Width = 5;

    /// <summary>Positions (1-based) of the first and last window: the national digits, after "+27", to the 12th character.</summary>
    private const int First = 4, Last = 12 - Width + 1;

    public static readonly string Expression =
        "ARRAY[" + string.Join(", ", Enumerable.Range(First, Last - First + 1).Select(p => $"substr(\"msisdn\", {p}, {Width})::integer")) + "]";

    /// <summary>The index as the migration creates it (a bulk load drops and rebuilds it from pg_get_indexdef).</summary>
    public static readonly string Create = $"CREATE INDEX {Index} ON health_checks USING gin (({Expression}))";

    /// <summary>The keys a search for <paramref name="digits"/> (at least <see cref="Width"/>) needs: one window, or its first and last.</summary>
    public static int[] Keys(string digits) =>
        digits.Length == Width ? [int.Parse(digits)] : [int.Parse(digits[..Width]), int.Parse(digits[^Width..])];

    /// <summary>
    /// The number prefixes that hold <paramref name="digits"/> where they start inside the country code: "27…" only at the
    /// start ("+27…"), "7…" only just after the "2" ("+27…" again, as "+2" and the digits).
    /// </summary>
    public static IEnumerable<string> CountryCodePrefixes(string digits)
    {
        if (digits.StartsWith("27", StringComparison.Ordinal)) yield return "+" + digits;
        if (digits.StartsWith('7')) yield return "+2" + digits;
    }
}
