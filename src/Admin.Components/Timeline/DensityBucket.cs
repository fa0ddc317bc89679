namespace Admin.Components.Timeline;

/// <summary>How many rows fall from <see cref="Start"/> to the next bucket's start (or the strip's end).</summary>
public sealed record DensityBucket(DateOnly Start, long Count);

/// <summary>The days a reader chose on the strip: from <see cref="From"/> to <see cref="To"/> (exclusive).</summary>
public sealed record DensityJump(DateOnly From, DateOnly To);
