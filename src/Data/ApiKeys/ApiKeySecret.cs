using System.Security.Cryptography;
using System.Text;

namespace Admin.Data.ApiKeys;

/// <summary>
/// The key a client sends: <c>ak_</c> + 8 lookup characters + <c>_</c> + 43 characters of secret (256 random bits).
/// The lookup part (the <see cref="ApiKey.Prefix"/>, "ak_xxxxxxxx") is stored and shown; only a SHA-256 of the whole key
/// is kept, so the database never holds a usable key. A slow hash would add nothing: the secret is not guessable.
/// </summary>
public static class ApiKeySecret
{
    public const string Scheme = "ak_";
    private const string LookupAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int LookupLength = 8;
    public const int PrefixLength = 3 + LookupLength; // "ak_" + lookup
    private const int SecretBytes = 32;

    /// <summary>A new key and its stored parts.</summary>
    public static (string Key, string Prefix, byte[] Hash) New()
    {
        var prefix = Scheme + new string(RandomNumberGenerator.GetItems<char>(LookupAlphabet, LookupLength));
        var key = prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return (key, prefix, Hash(key));
    }

    /// <summary>The prefix of a well-formed key, or null for anything else (without looking anything up).</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length != PrefixLength + 1 + 43 || !key.StartsWith(Scheme, StringComparison.Ordinal) || key[PrefixLength] != '_')
            return null;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return null;
        }
        return key[..PrefixLength];
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Constant-time comparison of a presented key with a stored hash.</summary>
    public static bool Matches(string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
