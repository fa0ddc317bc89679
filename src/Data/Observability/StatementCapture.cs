using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Admin.Data.Security;
using Npgsql;

namespace Admin.Data.Observability;

/// <summary>
/// What the Performance page keeps of a statement's parameters: a copy of each (for an EXPLAIN on demand, never shown)
/// and its value as an Analyst may see it (phone numbers masked, free text reduced to an initial).
/// </summary>
public static partial class StatementCapture
{
    private const string ParametersProperty = "admin.parameters";

    /// <summary>Npgsql's enrichment hook (<see cref="ObservedDataSources"/>): runs only for commands that have a span.</summary>
    public static void Enrich(Activity activity, NpgsqlCommand command)
    {
        if (!activity.IsAllDataRequested || command.Parameters.Count == 0) return;
        var copies = new NpgsqlParameter[command.Parameters.Count];
        for (var i = 0; i < copies.Length; i++) copies[i] = command.Parameters[i].Clone();
        activity.SetCustomProperty(ParametersProperty, copies);
    }

    internal static NpgsqlParameter[] ParametersOf(Activity activity) =>
        activity.GetCustomProperty(ParametersProperty) as NpgsqlParameter[] ?? [];

    /// <summary>A parameter's value as an Analyst sees it: codes, numbers, dates and ids as they are; people's data masked.</summary>
    public static string Mask(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => MaskText(s),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        byte[] b => $"({b.Length} bytes)",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Take(20).Select(Mask)) + "]",
        _ => "(" + value.GetType().Name + ")",
    };

    private static string MaskText(string s)
    {
        var phone = PersonalData.MaskIfPhoneNumber(s);
        if (phone != s) return phone;
        if (CodeLike().IsMatch(s)) return s; // province, risk, source codes, table names
        if (s.Any(char.IsDigit)) return Digits().Replace(s, "*"); // part of a phone number (prefix or contains search)
        return PersonalData.Initial(s.Trim('%')) + "…"; // a name or other free text
    }

    [GeneratedRegex("^(ZA-[A-Z]{2,3}|[a-z][a-z0-9_.-]{0,31})$")]
    private static partial Regex CodeLike();

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digits();
}
