namespace Admin.Data.Listing;

/// <summary>A list request that cannot be served as asked: the message is for the person (or API client) who asked.</summary>
public sealed class ListRequestException(string message, string? parameter = null) : Exception(message)
{
    /// <summary>The URL/API parameter at fault, when there is one.</summary>
    public string? Parameter { get; } = parameter;
}
