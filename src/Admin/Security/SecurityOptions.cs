namespace Admin.Security;

/// <summary>Login and session rules (configuration section "Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Length beats composition rules (NIST SP 800-63B): 12 characters, no forced symbols.</summary>
    public int PasswordMinLength { get; set; } = 12;

    /// <summary>Failed logins before the account locks.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often an open circuit re-checks that its user still exists, is not locked and has the same roles.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Login attempts per client address per minute, whatever the user name (stops password spraying).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
}
