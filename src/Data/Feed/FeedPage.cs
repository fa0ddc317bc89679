using Admin.Data.Entities;

namespace Admin.Data.Feed;

/// <summary>
/// One page of the change feed. <see cref="Next"/> is where the next page starts (also when <see cref="HasMore"/> is
/// false: a client stores it and resumes from it later). A filtered page may hold fewer rows than asked, even none,
/// while <see cref="HasMore"/> is true: it stopped after its scan budget (README, "API").
/// </summary>
public sealed record FeedPage(IReadOnlyList<HealthCheck> Rows, FeedPosition? Next, bool HasMore);
