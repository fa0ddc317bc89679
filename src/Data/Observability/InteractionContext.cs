namespace Admin.Data.Observability;

/// <summary>Who the current code acts for, as the host knows it (a circuit's user, an API key): tagged onto each interaction span.</summary>
public static class InteractionContext
{
    private static readonly AsyncLocal<string?> CurrentRole = new();

    public static string? Role
    {
        get => CurrentRole.Value;
        set => CurrentRole.Value = value;
    }
}
