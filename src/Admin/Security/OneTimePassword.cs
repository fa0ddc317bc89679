using System.Security.Cryptography;

namespace Admin.Security;

/// <summary>Passwords handed to a person once (first admin, new users, resets); they must replace it at first login.</summary>
public static class OneTimePassword
{
    // No look-alikes (0/O, 1/l/I): people copy these by eye.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>20 characters in groups of five: about 115 bits.</summary>
    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 20);
        return string.Join('-', Enumerable.Range(0, 4).Select(i => new string(chars, i * 5, 5)));
    }
}
