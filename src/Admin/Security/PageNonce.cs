using System.Security.Cryptography;

namespace Admin.Security;

/// <summary>
/// A page's one-time value for its inline scripts (the import map, <c>App.razor</c>), which <see cref="SecurityHeaders"/>
/// adds to the response's policy; every other script stays same-origin only.
/// </summary>
public static class PageNonce
{
    private static readonly object Key = new();

    /// <summary>This response's nonce, made on first use.</summary>
    public static string For(HttpContext context)
    {
        if (context.Items[Key] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[Key] = nonce;
        return nonce;
    }

    /// <summary>The nonce a page or the OpenAPI browser rendered with, if any.</summary>
    public static string? Of(HttpContext context) =>
        context.Items[Key] as string ?? context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string;
}
