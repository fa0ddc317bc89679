using Admin.Data.Domain;

namespace Admin.Testing.Hotspots;

/// <summary>The columns the hotspot rollups read; <see cref="CheckRows"/> fills the rest with valid constants.</summary>
public sealed record CheckRow(DateTimeOffset Timestamp, Province Province, string? District, Risk Risk, double? Latitude = null, double? Longitude = null, string Source = "WhatsApp");
