using System.Security.Claims;
using System.Text.Encodings.Web;
using Admin.Data.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Admin.Api.Keys;

/// <summary>
/// Authenticates <c>Authorization: Bearer ak_…</c>: looks the key up by its prefix on every call (a revoked or expired
/// key fails on its very next request), compares SHA-256 hashes in constant time, and issues a principal with the key's
/// role (for masking, like a person's) and one claim per scope. A failed or missing key is answered 401 with a
/// problem-details body that says which.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("Send the API key as: Authorization: Bearer ak_…");
        var presented = header["Bearer ".Length..].Trim();
        if (ApiKeySecret.PrefixOf(presented) is not { } prefix)
            return AuthenticateResult.Fail("The API key is malformed.");

        var key = await keys.FindAsync(prefix, Context.RequestAborted);
        // Unknown prefix and wrong secret read the same: the answer must not tell a prober which prefixes exist.
        if (key is null || !ApiKeySecret.Matches(presented, key.SecretHash))
            return AuthenticateResult.Fail("The API key is not valid.");
        if (key.RevokedAt is not null)
            return AuthenticateResult.Fail("The API key was revoked.");
        if (key.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
            return AuthenticateResult.Fail("The API key has expired.");

        await keys.TouchAsync(key, Context.RequestAborted);

        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, ApiKeyDefaults.ActorPrefix + key.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, $"{key.Name} ({key.Prefix})"));
        identity.AddClaim(new Claim(ClaimTypes.Role, key.Role));
        identity.AddClaim(new Claim(ApiKeyDefaults.KeyIdClaim, key.Id.ToString()));
        foreach (var scope in ApiScopes.Parse(key.Scopes))
            identity.AddClaim(new Claim(ApiKeyDefaults.ScopeClaim, scope));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            result.Failure?.Message ?? "Send an API key: Authorization: Bearer ak_… (admins create keys at /admin/api-keys).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key may not call this endpoint.");
}
