using Admin.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Admin.Testing;

/// <summary>What the audit trail holds, oldest first, for tests that check an action was (or was not) recorded.</summary>
public static class AuditRows
{
    public static async Task<List<AuditEntry>> ListAsync(TestDatabase db, string? action = null)
    {
        await using var context = db.CreateDbContext();
        var entries = context.AuditEntries.AsNoTracking();
        if (action is not null) entries = entries.Where(e => e.Action == action);
        return await entries.OrderBy(e => e.Id).ToListAsync();
    }
}
