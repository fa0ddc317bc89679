using Admin.Data.Feed;

namespace Admin.Api.Feed;

/// <summary>What a cursor carries, sealed inside its opaque text: the feed position, the filter it belongs to, when it was issued.</summary>
public sealed record FeedCursor(FeedPosition Position, byte[] FilterHash, DateTimeOffset IssuedAt);
