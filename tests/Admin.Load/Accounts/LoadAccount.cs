namespace Admin.Load.Accounts;

/// <summary>A user the virtual users of one role log in as.</summary>
public sealed record LoadAccount(string Role, string UserName, string Password);
