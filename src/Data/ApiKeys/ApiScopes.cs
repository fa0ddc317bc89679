namespace Admin.Data.ApiKeys;

/// <summary>What a key may call, stored space-separated in <see cref="ApiKey.Scopes"/> (as OAuth scopes are).</summary>
public static class ApiScopes
{
    /// <summary>GET the change feed.</summary>
    public const string Read = "read";

    /// <summary>POST HealthChecks (single and batch).</summary>
    public const string Write = "write";

    public static readonly IReadOnlyList<string> All = [Read, Write];

    public static IReadOnlyList<string> Parse(string scopes) =>
        scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Format(IEnumerable<string> scopes) =>
        string.Join(' ', All.Where(scopes.Contains));
}
