namespace Admin.Api.Feed;

/// <summary>A cursor the API refuses (malformed, tampered with, expired, or sent with other filters): always a 400.</summary>
public sealed class CursorException(string message) : Exception(message);
