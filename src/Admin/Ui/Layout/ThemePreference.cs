using System.Security.Claims;
using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Admin.Ui.Layout;

/// <summary>
/// A user's light or dark theme, saved on their account. Every page render asks for it, so each node keeps it in memory
/// (one primary-key read per user per <see cref="Lifetime"/>, none per page); a toggle updates the row and this node's
/// copy, and another node sees it within <see cref="Lifetime"/>.
/// </summary>
public sealed class ThemePreference(IDbContextFactory<AdminDbContext> contexts, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<bool> IsDarkAsync(ClaimsPrincipal? user, CancellationToken ct = default)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return false;
        if (cache.TryGetValue(Key(id), out bool dark)) return dark;
        await using var db = await contexts.CreateDbContextAsync(ct);
        dark = await db.Users.Where(u => u.Id == id).Select(u => u.DarkMode).FirstOrDefaultAsync(ct);
        return cache.Set(Key(id), dark, Lifetime);
    }

    public async Task SetDarkAsync(ClaimsPrincipal user, bool dark, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DarkMode, dark), ct);
        cache.Set(Key(id), dark, Lifetime);
    }

    private static string Key(string userId) => "theme:" + userId;
}
