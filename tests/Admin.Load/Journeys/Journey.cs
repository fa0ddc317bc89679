namespace Admin.Load.Journeys;

/// <summary>One kind of user's pass through the app; a virtual user repeats it until the run ends.</summary>
public abstract class Journey
{
    /// <summary>The mix key (analyst, manager, admin).</summary>
    public abstract string Name { get; }

    /// <summary>The app role the journey logs in with.</summary>
    public abstract string Role { get; }

    public abstract Task RunAsync(JourneyContext ctx);

    public static Journey For(string name, bool edits) => name switch
    {
        "analyst" => new AnalystJourney(),
        "manager" => new ManagerJourney(),
        "admin" => new AdminJourney(edits),
        _ => throw new ArgumentException($"Unknown journey '{name}': analyst, manager or admin."),
    };
}
