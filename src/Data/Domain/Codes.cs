using System.Collections.Frozen;
using System.Reflection;

namespace Admin.Data.Domain;

/// <summary>
/// Two-way map between a closed-set enum and its stored codes, read once from <see cref="CodeAttribute"/>.
/// The database keeps readable text (with CHECK constraints), so SQL, exports and the API all speak the same codes.
/// </summary>
public static class Codes<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> ToText;
    private static readonly FrozenDictionary<string, T> FromText;

    static Codes()
    {
        var pairs = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Value: (T)f.GetValue(null)!, Code: f.GetCustomAttribute<CodeAttribute>()?.Code
                ?? throw new InvalidOperationException($"{typeof(T).Name}.{f.Name} has no [Code]")))
            .ToArray();
        ToText = pairs.ToFrozenDictionary(p => p.Value, p => p.Code);
        FromText = pairs.ToFrozenDictionary(p => p.Code, p => p.Value, StringComparer.Ordinal);
        All = pairs.Select(p => p.Value).ToArray();
    }

    public static IReadOnlyList<T> All { get; }

    public static IEnumerable<string> AllCodes => All.Select(ToCode);

    public static string ToCode(T value) =>
        ToText.TryGetValue(value, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public static T Parse(string code) =>
        FromText.TryGetValue(code, out var value)
            ? value
            : throw new FormatException($"'{code}' is not a valid {typeof(T).Name}; expected one of {string.Join(", ", AllCodes)}.");

    public static bool TryParse(string? code, out T value)
    {
        value = default;
        return code is not null && FromText.TryGetValue(code.Trim(), out value);
    }

    /// <summary>SQL CHECK body: <c>"column" IN ('a', 'b')</c>.</summary>
    public static string CheckSql(string column) =>
        $"\"{column}\" IN ({string.Join(", ", AllCodes.Select(c => $"'{c.Replace("'", "''")}'"))})";
}
