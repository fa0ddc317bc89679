using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Admin.Data.Feed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Admin.Api.Feed;

/// <summary>
/// Turns a position into the opaque cursor clients hold, and back. Data Protection encrypts and authenticates it under
/// a purpose of its own (a cursor cannot be forged, edited or used as any other protected payload), and the keys live
/// in the database, so any app node reads any node's cursors. Inside: version, change_xid, id, a hash of the filters
/// (so the cursor only continues the crawl it came from) and the issue time (so it expires).
/// </summary>
public sealed class FeedCursorCodec(IDataProtectionProvider protection, IOptions<ApiOptions> options, TimeProvider clock)
{
    private const byte Version = 1;
    private const int HashLength = 16;
    private const int PayloadLength = 1 + 8 + 16 + HashLength + 8;
    /// <summary>Longer text than any cursor we issue is refused before decryption is tried.</summary>
    private const int MaxTextLength = 512;

    private readonly IDataProtector _protector = protection.CreateProtector("Admin.Api.HealthChecks.FeedCursor.v1");

    public static byte[] HashFilter(HealthCheckFeedFilter filter) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(filter.Canonical))[..HashLength];

    public string Encode(FeedPosition position, HealthCheckFeedFilter filter, DateTimeOffset? issuedAt = null)
    {
        var payload = new byte[PayloadLength];
        var span = payload.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(span[1..], position.ChangeXid);
        position.Id.TryWriteBytes(span[9..], bigEndian: true, out _);
        HashFilter(filter).CopyTo(span[25..]);
        BinaryPrimitives.WriteInt64BigEndian(span[41..], (issuedAt ?? clock.GetUtcNow()).ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>The position to continue from, or a <see cref="CursorException"/> saying why not.</summary>
    public FeedPosition Decode(string text, HealthCheckFeedFilter filter)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new CursorException("The cursor is malformed. Use the cursor value of a previous answer exactly as it was given.");
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(text));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            throw new CursorException("The cursor is not valid: it was altered, truncated, or not issued by this service.");
        }
        if (payload.Length != PayloadLength || payload[0] != Version)
            throw new CursorException("The cursor is from an older version of this API. Start a new crawl without a cursor.");

        var span = payload.AsSpan();
        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(span[41..]));
        var maxAge = options.Value.CursorMaxAge;
        if (clock.GetUtcNow() - issued > maxAge)
            throw new CursorException($"The cursor expired: it was issued {issued:yyyy-MM-dd HH:mm} UTC and cursors last {Describe(maxAge)}. Start a new crawl without a cursor.");
        if (!CryptographicOperations.FixedTimeEquals(span.Slice(25, HashLength), HashFilter(filter)))
            throw new CursorException("The cursor belongs to a crawl with other filters. Send the same filters as the request that returned it (the next link has them), or start a new crawl without a cursor.");

        return new FeedPosition(BinaryPrimitives.ReadUInt64BigEndian(span[1..]), new Guid(span.Slice(9, 16), bigEndian: true));
    }

    private static string Describe(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{age.TotalDays:0.#} days" : age.TotalHours >= 1 ? $"{age.TotalHours:0.#} hours" : $"{age.TotalSeconds:0} seconds";
}
