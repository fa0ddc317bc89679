using System.Security.Claims;
using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Ui.Layout;

/// <summary>A user's light or dark theme, saved on their account (one primary-key read per page render, one update per toggle).</summary>
public sealed class ThemePreference(IDbContextFactory<AdminDbContext> contexts)
{
    public async Task<bool> IsDarkAsync(ClaimsPrincipal? user, CancellationToken ct = default)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return false;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == id).Select(u => u.DarkMode).FirstOrDefaultAsync(ct);
    }

    public async Task SetDarkAsync(ClaimsPrincipal user, bool dark, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DarkMode, dark), ct);
    }
}
