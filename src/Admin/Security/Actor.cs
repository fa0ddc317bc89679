namespace Admin.Security;

/// <summary>Who is acting, as the audit trail records it.</summary>
public sealed record Actor(string? Id, string Name, string? Role, string? ClientAddress)
{
    public bool SeesPersonalData => Role is { } r && Admin.Data.Security.Roles.SeesPersonalData(r);
}
