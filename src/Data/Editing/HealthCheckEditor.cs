using System.Globalization;
using System.Text.Json.Nodes;
using Admin.Data.Audit;
using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Persistence;
using Admin.Data.Persistence.Configurations;
using Admin.Data.Rollups;
using Admin.Data.Routing;
using Admin.Data.Time;
using Admin.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Admin.Data.Editing;

/// <summary>
/// Saves an admin's edit of one HealthCheck: the shared rules (<see cref="HealthCheckValidator"/>, risk recomputed),
/// optimistic concurrency on PostgreSQL's xmin (<see cref="HealthCheck.Version"/>), and the audit entry written in the
/// same transaction as the update, so there is never an edit without its audit line or an audit line without its edit.
/// </summary>
public sealed class HealthCheckEditor(IDbContextFactory<AdminDbContext> contexts, HealthCheckValidator validator, ReadRouting? routing = null,
    DisplayTimeZone? zone = null)
{
    // Rollup days, and the time a conflict message names, are the display zone's.
    private readonly DisplayTimeZone _zone = zone ?? DisplayTimeZone.Default;

    /// <summary>How long an edit waits for a rollup refresh in progress (a fraction of a second; a rebuild takes longer).</summary>
    public static readonly TimeSpan RollupLockTimeout = TimeSpan.FromSeconds(3);

    /// <param name="version">The <see cref="HealthCheck.Version"/> the editor read; a different current version is a conflict.</param>
    public async Task<HealthCheckEditResult> SaveAsync(Guid id, uint version, HealthCheckInput input, EditAuthor author, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var check = await db.HealthChecks.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (check is null) return NotFound();
        if (check.Version != version) return await ConflictAsync(db, tx, id, ct);

        // In an edit, a field left out keeps its stored value (for a new check it would get a fresh default).
        input = input.Clone();
        input.DeduplicationId ??= check.DeduplicationId;
        input.Timestamp ??= check.Timestamp;
        input.CompletedTimestamp ??= check.CompletedTimestamp;
        var validation = validator.Validate(input);
        if (validation.Value is not { } valid)
            return new HealthCheckEditResult(EditOutcome.Invalid, "Some fields need attention; nothing was saved.") { Errors = validation.Errors, Check = check };

        var before = HealthCheckSnapshot.Of(check);
        var rollupBefore = RollupKey.Of(check, _zone);
        var storedData = check.Data;
        valid.ApplyTo(check);
        // The same JSON spelt differently (jsonb reformats what it stores) is not a change.
        if (storedData is not null && check.Data is not null && JsonNode.DeepEquals(JsonNode.Parse(storedData), JsonNode.Parse(check.Data)))
            check.Data = storedData;
        var after = HealthCheckSnapshot.Of(check);
        var changed = HealthCheckSnapshot.Changed(before, after);
        if (changed.Count == 0)
            return new HealthCheckEditResult(EditOutcome.Unchanged, "Nothing was changed, so nothing was saved.") { Check = check };

        db.AuditEntries.Add(new AuditEntry
        {
            ActorId = Cut(author.ActorId, 64),
            ActorName = Cut(author.ActorName, 256) ?? "",
            Action = AuditActions.Edit,
            TableName = HealthCheckConfiguration.Table,
            RecordId = id.ToString(),
            Detail = SafeText.CleanJson(HealthCheckSnapshot.AuditDetail(before, after, changed)),
            ClientAddress = Cut(author.ClientAddress, 64),
        });
        try
        {
            // One round trip: UPDATE ... WHERE id = @id AND xmin = @version, then the audit INSERT, in this transaction.
            await db.SaveChangesAsync(ct);
            // The hotspot rollups follow in the same transaction (RollupEdits: why and how).
            await RollupEdits.ApplyAsync((NpgsqlConnection)db.Database.GetDbConnection(), id, rollupBefore, RollupKey.Of(check, _zone), _zone.Id, RollupLockTimeout, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return new HealthCheckEditResult(EditOutcome.Busy,
                "The hotspot figures are being recounted right now, so nothing was saved. Save again in a minute.");
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            return await ConflictAsync(db, null, id, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ux_health_checks_deduplication_id" })
        {
            await tx.RollbackAsync(CancellationToken.None);
            return new HealthCheckEditResult(EditOutcome.Invalid, "Some fields need attention; nothing was saved.")
            {
                Errors = new Dictionary<string, string[]> { [HealthCheckColumns.DeduplicationId.Name] = ["Another HealthCheck already has this deduplication id."] },
            };
        }
        await tx.CommitAsync(ct);
        // Read-your-writes: the editor's next reads must not come from a standby that has not replayed this commit.
        if (routing is not null) await routing.NoteWriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), CancellationToken.None);
        return new HealthCheckEditResult(EditOutcome.Saved, $"Saved: {string.Join(", ", changed)}.") { Check = check, Changed = changed };
    }

    private static HealthCheckEditResult NotFound() =>
        new(EditOutcome.NotFound, "This HealthCheck no longer exists; nothing was saved.");

    /// <summary>
    /// Says who changed the record and when. An audited edit writes the row and its audit line in one transaction,
    /// so both carry the same xmin: the audit line whose xmin is the row's current one is the change that won.
    /// </summary>
    private async Task<HealthCheckEditResult> ConflictAsync(AdminDbContext db, IDbContextTransaction? tx, Guid id, CancellationToken ct)
    {
        if (tx is not null) await tx.RollbackAsync(CancellationToken.None);
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = """
            SELECT h.id IS NOT NULL, a.at, a.actor_name
            FROM (SELECT 1) one
            LEFT JOIN health_checks h ON h.id = @id
            LEFT JOIN LATERAL (
                SELECT at, actor_name FROM audit_entries
                WHERE record_id = @record AND action = 'edit' AND table_name = 'health_checks' AND xmin = h.xmin
                ORDER BY at DESC LIMIT 1) a ON true
            """;
        cmd.Parameters.Add(new NpgsqlParameter("id", id));
        cmd.Parameters.Add(new NpgsqlParameter("record", id.ToString()));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (!reader.GetBoolean(0)) return NotFound();
        var who = reader.IsDBNull(1)
            ? "someone else"
            : $"{reader.GetString(2)} at {_zone.FormatWithZone(reader.GetFieldValue<DateTimeOffset>(1), "yyyy-MM-dd HH:mm:ss")}";
        return new HealthCheckEditResult(EditOutcome.Conflict,
            $"This HealthCheck was changed by {who} after you opened it. Nothing was saved: reload to see the current values, then make your change again.");
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
