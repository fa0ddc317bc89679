namespace Admin.Api.Keys;

public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme of API calls: <c>Authorization: Bearer ak_…</c>.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>Claim carrying one scope of the key (one claim per scope).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Claim carrying the key's id; the rate limiter partitions by it.</summary>
    public const string KeyIdClaim = "api_key_id";

    /// <summary>Prefix of the actor id API calls are audited under ("api-key:{id}").</summary>
    public const string ActorPrefix = "api-key:";
}
