namespace Admin.Data.Hotspots;

/// <summary>The days the rollups cover (null when empty) and when they were last refreshed: period presets count back from <see cref="LastDay"/>.</summary>
public sealed record DataExtent(DateOnly? FirstDay, DateOnly? LastDay, DateTimeOffset? RefreshedAt);
