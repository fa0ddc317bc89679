namespace Admin.Data.Editing;

/// <summary>Who makes an edit, as its audit entry records them.</summary>
public sealed record EditAuthor(string? ActorId, string ActorName, string? ClientAddress);
