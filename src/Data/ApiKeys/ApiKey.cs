namespace Admin.Data.ApiKeys;

/// <summary>
/// A data-lake client's credential. Only a SHA-256 hash of the secret is stored (the secret is random and long, so a
/// slow hash adds nothing); the prefix finds the row. Scopes say what it may call, the role how much it may see.
/// </summary>
public class ApiKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the key, shown in the UI and used to look it up.</summary>
    public string Prefix { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    /// <summary>"read", "write" (space separated, like OAuth scopes).</summary>
    public string Scopes { get; set; } = "";
    /// <summary>A role of <see cref="Security.Roles"/>: decides masking, as for a person.</summary>
    public string Role { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
