using System.Text.Json.Nodes;
using Admin.Data.Audit;
using Admin.Data.Domain;
using Admin.Data.Editing;
using Admin.Data.Entities;
using Admin.Data.Persistence;
using Admin.Data.Tests.Validation;
using Admin.Data.Validation;
using Admin.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Admin.Data.Tests.Editing;

/// <summary>Edits against real PostgreSQL: what is written, what is audited, and what a concurrent change does.</summary>
public class HealthCheckEditorTests : IAsyncLifetime
{
    private static readonly EditAuthor Admin = new("user-1", "admin", "10.0.0.7");
    private TestDatabase _db = null!;
    private HealthCheckEditor _editor = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _editor = new HealthCheckEditor(new Contexts(_db), ValidInputs.Validator());
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>A stored check: 1 symptom (cough), not exposed, so "moderate" by the symptom rule.</summary>
    private async Task<HealthCheck> StoreAsync(Action<HealthCheckInput>? change = null)
    {
        var input = ValidInputs.With(x => x.DeduplicationId = "edit-" + Guid.NewGuid().ToString("N"));
        change?.Invoke(input);
        var check = ValidInputs.Validator().Validate(input).Value!.ToNewEntity();
        await using var db = _db.CreateDbContext();
        db.HealthChecks.Add(check);
        await db.SaveChangesAsync();
        return check;
    }

    private async Task<HealthCheck> ReadAsync(Guid id)
    {
        await using var db = _db.CreateDbContext();
        return await db.HealthChecks.AsNoTracking().SingleAsync(h => h.Id == id);
    }

    private async Task<List<AuditEntry>> EditsAsync(Guid id)
    {
        await using var db = _db.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.RecordId == id.ToString() && a.Action == AuditActions.Edit).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task An_edit_saves_the_change_recomputes_risk_and_audits_only_what_changed()
    {
        var stored = await StoreAsync();
        Assert.Equal(Risk.Moderate, stored.Risk);
        var before = await ReadAsync(stored.Id);

        var input = before.ToInput();
        input.Fever = true;
        input.SoreThroat = true;          // 3 symptoms -> high
        input.City = "Orlando East";
        var result = await _editor.SaveAsync(stored.Id, before.Version, input, Admin);

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        Assert.Equal([HealthCheckFields.City, HealthCheckFields.Fever, HealthCheckFields.SoreThroat, HealthCheckFields.Risk], result.Changed);
        var after = await ReadAsync(stored.Id);
        Assert.Equal(Risk.High, after.Risk);
        Assert.Equal("Orlando East", after.City);
        Assert.True(after.Fever);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(after.Version, result.Check!.Version);
        Assert.NotEqual(before.ChangeXid, after.ChangeXid); // the API's change feed sees the edit

        var entry = Assert.Single(await EditsAsync(stored.Id));
        Assert.Equal(("user-1", "admin", "health_checks", "10.0.0.7"), (entry.ActorId, entry.ActorName, entry.TableName, entry.ClientAddress));
        var detail = JsonNode.Parse(entry.Detail!)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"city": "Soweto", "fever": false, "sore_throat": false, "risk": "moderate"}"""), detail["before"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"city": "Orlando East", "fever": true, "sore_throat": true, "risk": "high"}"""), detail["after"]));
    }

    [Fact]
    public async Task Saving_the_unchanged_record_writes_and_audits_nothing()
    {
        var stored = await ReadAsync((await StoreAsync()).Id);
        var input = stored.ToInput();
        input.Data = """{ "language" :"eng" }"""; // the same JSON, spelt differently

        var result = await _editor.SaveAsync(stored.Id, stored.Version, input, Admin);

        Assert.Equal(EditOutcome.Unchanged, result.Outcome);
        Assert.Equal(stored.Version, (await ReadAsync(stored.Id)).Version);
        Assert.Empty(await EditsAsync(stored.Id));
    }

    [Fact]
    public async Task An_invalid_edit_writes_nothing_and_names_the_fields()
    {
        var stored = await ReadAsync((await StoreAsync()).Id);
        var input = stored.ToInput();
        input.FirstName = "Nul\0byte";
        input.DistrictCode = "CPT";       // Cape Town is not in Gauteng

        var result = await _editor.SaveAsync(stored.Id, stored.Version, input, Admin);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal([HealthCheckFields.DistrictCode, HealthCheckFields.FirstName], result.Errors.Keys.Order());
        Assert.Equal(stored.Version, (await ReadAsync(stored.Id)).Version);
        Assert.Empty(await EditsAsync(stored.Id));
    }

    [Fact]
    public async Task Two_contexts_editing_one_row_the_second_save_fails_on_xmin()
    {
        var id = (await StoreAsync()).Id;
        await using var first = _db.CreateDbContext();
        await using var second = _db.CreateDbContext();
        var a = await first.HealthChecks.SingleAsync(h => h.Id == id);
        var b = await second.HealthChecks.SingleAsync(h => h.Id == id);
        Assert.Equal(a.Version, b.Version);

        a.City = "first";
        await first.SaveChangesAsync();
        b.City = "second";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("first", (await ReadAsync(id)).City);
    }

    [Fact]
    public async Task An_edit_of_a_version_someone_else_replaced_is_refused_with_who_and_when()
    {
        var opened = await ReadAsync((await StoreAsync()).Id);
        var theirs = opened.ToInput();
        theirs.City = "Theirs";
        Assert.Equal(EditOutcome.Saved, (await _editor.SaveAsync(opened.Id, opened.Version, theirs, new EditAuthor("user-2", "other-admin", null))).Outcome);

        var mine = opened.ToInput();
        mine.City = "Mine";
        var result = await _editor.SaveAsync(opened.Id, opened.Version, mine, Admin);

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Matches(@"^This HealthCheck was changed by other-admin at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d SAST after you opened it\. Nothing was saved: reload", result.Message);
        Assert.Equal("Theirs", (await ReadAsync(opened.Id)).City);
        Assert.Equal("other-admin", Assert.Single(await EditsAsync(opened.Id)).ActorName);
    }

    [Fact]
    public async Task A_change_committed_while_the_edit_waits_for_the_row_is_a_conflict_too()
    {
        // The edit reads the row (version v), then its UPDATE ... WHERE xmin = v waits on another transaction's row
        // lock; when that commits, the row's xmin is no longer v: no row matches, nothing is written.
        var opened = await ReadAsync((await StoreAsync()).Id);
        await using var conn = await _db.DataSource.OpenConnectionAsync();
        await using var other = await conn.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("UPDATE health_checks SET city = 'Concurrent' WHERE id = $1", conn, other))
        {
            update.Parameters.AddWithValue(opened.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var mine = opened.ToInput();
        mine.City = "Mine";
        var saving = _editor.SaveAsync(opened.Id, opened.Version, mine, Admin);
        await WaitUntilBlockedAsync();
        await other.CommitAsync();
        var result = await saving;

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Contains("changed by someone else after you opened it", result.Message);
        Assert.Equal("Concurrent", (await ReadAsync(opened.Id)).City);
        Assert.Empty(await EditsAsync(opened.Id));
    }

    [Fact]
    public async Task When_the_audit_line_cannot_be_written_the_edit_is_not_written_either()
    {
        var opened = await ReadAsync((await StoreAsync()).Id);
        await _db.ExecuteAsync("""
            CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit trail unavailable (test)'; END $$;
            CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();
            """);
        try
        {
            var input = opened.ToInput();
            input.City = "Never stored";
            input.Fever = true;

            var e = await Assert.ThrowsAsync<DbUpdateException>(() => _editor.SaveAsync(opened.Id, opened.Version, input, Admin));
            Assert.Contains("audit trail unavailable", e.InnerException!.Message);

            var now = await ReadAsync(opened.Id);
            Assert.Equal(opened.Version, now.Version);
            Assert.Equal("Soweto", now.City);
            Assert.False(now.Fever);
            Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_entries"));
        }
        finally
        {
            await _db.ExecuteAsync("DROP TRIGGER test_refuse_audit ON audit_entries; DROP FUNCTION test_refuse_audit();");
        }
    }

    [Fact]
    public async Task A_deduplication_id_another_check_holds_is_a_field_error_not_a_crash()
    {
        var taken = await StoreAsync();
        var opened = await ReadAsync((await StoreAsync()).Id);
        var input = opened.ToInput();
        input.DeduplicationId = taken.DeduplicationId;

        var result = await _editor.SaveAsync(opened.Id, opened.Version, input, Admin);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("already has this deduplication id", result.Errors[HealthCheckFields.DeduplicationId].Single());
        Assert.Equal(opened.Version, (await ReadAsync(opened.Id)).Version);
        Assert.Empty(await EditsAsync(opened.Id));
    }

    [Fact]
    public async Task An_edit_of_a_missing_record_says_so() =>
        Assert.Equal(EditOutcome.NotFound, (await _editor.SaveAsync(Guid.NewGuid(), 1, ValidInputs.Create(), Admin)).Outcome);

    private async Task WaitUntilBlockedAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            var waiting = await _db.ScalarAsync<long>(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{_db.Name}' AND wait_event_type = 'Lock'");
            if (waiting > 0) return;
            await Task.Delay(25);
        }
        throw new TimeoutException("The edit never waited for the row lock.");
    }

    private sealed class Contexts(TestDatabase db) : IDbContextFactory<AdminDbContext>
    {
        public AdminDbContext CreateDbContext() => db.CreateDbContext();
    }
}
