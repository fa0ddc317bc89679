using Microsoft.AspNetCore.Identity;

namespace Admin.Data.Security;

/// <summary>A person who logs in. Identity keeps the password hash, lockout and security stamp.</summary>
public class AdminUser : IdentityUser
{
    /// <summary>Set for one-time passwords (first admin, users created by an admin): the next login must change it.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The user's choice of MudBlazor's dark palette, kept with the account so it follows them to any browser.</summary>
    public bool DarkMode { get; set; }
}
