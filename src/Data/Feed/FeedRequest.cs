namespace Admin.Data.Feed;

/// <summary>A page request: where to start (null: the beginning), what to match, how many rows at most.</summary>
/// <param name="ScanBudget">For filters the feed index cannot check: how many feed entries one page may examine.</param>
public sealed record FeedRequest(HealthCheckFeedFilter Filter, FeedPosition? After, int PageSize, int ScanBudget);
