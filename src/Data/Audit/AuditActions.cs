namespace Admin.Data.Audit;

/// <summary>The audited actions: a closed set of codes, so the trail can be filtered by action.</summary>
public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login-failed";
    public const string Logout = "logout";
    public const string PasswordChanged = "password-changed";
    public const string Search = "search";
    public const string View = "view";
    public const string Export = "export";
    /// <summary>A request to count a list exactly (a long count(*), admins only).</summary>
    public const string CountExact = "count-exact";
    public const string Edit = "edit";
    public const string UserCreated = "user-created";
    public const string UserChanged = "user-changed";
    public const string RoleChanged = "role-changed";
    public const string ApiKeyCreated = "api-key-created";
    public const string ApiKeyRevoked = "api-key-revoked";
    public const string ApiCall = "api-call";

    public static readonly IReadOnlyList<string> All =
    [
        Login, LoginFailed, Logout, PasswordChanged, Search, View, Export, CountExact, Edit,
        UserCreated, UserChanged, RoleChanged, ApiKeyCreated, ApiKeyRevoked, ApiCall,
    ];
}
