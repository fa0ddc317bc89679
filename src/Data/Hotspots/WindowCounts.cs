namespace Admin.Data.Hotspots;

/// <summary>High-risk checks of one area in the recent window and in the baseline window just before it.</summary>
public readonly record struct WindowCounts(long Recent, long Baseline);
