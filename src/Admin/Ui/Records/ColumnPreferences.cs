using System.Security.Claims;
using Admin.Data.Preferences;
using Microsoft.Extensions.Caching.Memory;

namespace Admin.Ui.Records;

/// <summary>
/// A person's column choices for the lists, saved with their account (<see cref="ColumnChoiceStore"/>). Each node keeps
/// every list's choice of a person in memory for <see cref="Lifetime"/> (one read per person, none per page or list,
/// the prerender and the circuit share it); a change updates the row and this node's copy, and another node sees it
/// within <see cref="Lifetime"/>, as with the theme.
/// </summary>
public sealed class ColumnPreferences(ColumnChoiceStore store, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The saved choice for the list, or null (the defaults); null for nobody logged in.</summary>
    public async Task<IReadOnlyList<string>?> GetAsync(ClaimsPrincipal? user, string list, CancellationToken ct = default)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return null;
        return (await OfUserAsync(id, ct)).GetValueOrDefault(list);
    }

    /// <summary>Saves the choice; <paramref name="isDefault"/> removes it instead (the list's defaults need no row).</summary>
    public async Task SetAsync(ClaimsPrincipal user, string list, IReadOnlyList<string> columns, bool isDefault, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return;
        if (isDefault) await store.ResetAsync(id, list, ct);
        else await store.SaveAsync(id, list, columns, ct);
        var mine = new Dictionary<string, string[]>(await OfUserAsync(id, ct), StringComparer.OrdinalIgnoreCase);
        if (isDefault) mine.Remove(list); else mine[list] = [.. columns];
        cache.Set(Key(id), (IReadOnlyDictionary<string, string[]>)mine, Lifetime);
    }

    private async Task<IReadOnlyDictionary<string, string[]>> OfUserAsync(string id, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(id), out IReadOnlyDictionary<string, string[]>? choices) && choices is not null) return choices;
        return cache.Set(Key(id), await store.OfUserAsync(id, ct), Lifetime);
    }

    private static string Key(string userId) => "columns:" + userId;
}
