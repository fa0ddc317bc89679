namespace Admin.Security;

public static class AccountPaths
{
    public const string Root = "/account";
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string ChangePassword = "/account/change-password";
    public const string AccessDenied = "/account/denied";
}
