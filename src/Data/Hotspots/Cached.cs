namespace Admin.Data.Hotspots;

/// <summary>A cached result and when it was computed; <see cref="IsStale"/> when it outlived its freshness because the database was slow or down.</summary>
public sealed record Cached<T>(T Value, DateTimeOffset AsOf, bool IsStale);
