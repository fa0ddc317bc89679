namespace Admin.Data.Security;

/// <summary>The three roles of issue #5. Each sees only what it needs; nothing is granted by default.</summary>
public static class Roles
{
    /// <summary>Everything: users and roles, full phone numbers and names, record edits, the audit trail.</summary>
    public const string Admin = "Admin";

    /// <summary>Records, detail, search, hotspots and exports, with phone numbers masked and names as initials.</summary>
    public const string Analyst = "Analyst";

    /// <summary>Hotspot dashboards and aggregate exports only.</summary>
    public const string Manager = "Manager";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Manager];

    /// <summary>Only admins see personal data unmasked.</summary>
    public static bool SeesPersonalData(string role) => role == Admin;

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
