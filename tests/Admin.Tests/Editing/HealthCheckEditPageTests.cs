using Admin.Data.Audit;
using Admin.Data.Domain;
using Admin.Data.Editing;
using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Data.Validation;
using Admin.Testing;
using Admin.Ui.Pages;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Editing;

/// <summary>The edit form over a real database: per-field messages, the live risk, saving, and a concurrent change.</summary>
public class HealthCheckEditPageTests : IAsyncLifetime
{
    // Saves go to PostgreSQL; on a busy 2-core machine the first (cold) one can take longer than bunit's 1 s default.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private TestDatabase _db = null!;
    private HealthCheck _check = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _check = HealthCheckRows.Create(1);
        _check.City = "Soweto";
        _check.DistrictCode = "JHB";
        _check.Cough = true;
        _check.Risk = Risk.Moderate;   // 1 symptom, not exposed
        await using var db = _db.CreateDbContext();
        db.HealthChecks.Add(_check);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private IRenderedComponent<HealthCheckEdit> Render(BunitContext ctx)
    {
        var page = ctx.Render<HealthCheckEdit>(p => p.Add(x => x.Id, _check.Id));
        page.WaitForElement("[data-testid=edit-save]", Wait);
        return page;
    }

    private static IElement Field(IRenderedComponent<HealthCheckEdit> page, string field)
    {
        var e = page.Find($"[data-testid=edit-{field}]");
        return e.TagName is "INPUT" or "TEXTAREA" ? e : e.QuerySelector("input, textarea")!;
    }

    /// <summary>The error text shown in the same input control as the field.</summary>
    private static string? ErrorUnder(IRenderedComponent<HealthCheckEdit> page, string field)
    {
        var control = Field(page, field).Closest(".mud-input-control");
        return control?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
    }

    private async Task<HealthCheck> StoredAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.HealthChecks.AsNoTracking().SingleAsync(h => h.Id == _check.Id);
    }

    private async Task<int> EditEntriesAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.RecordId == _check.Id.ToString() && a.Action == AuditActions.Edit);
    }

    [Fact]
    public async Task Each_broken_field_shows_its_own_message_and_nothing_is_saved()
    {
        await using var ctx = EditPageContext.Create(_db, Roles.Admin);
        var page = Render(ctx);
        Assert.Null(ErrorUnder(page, HealthCheckFields.Msisdn));

        Field(page, HealthCheckFields.Msisdn).Change("12345");
        Field(page, HealthCheckFields.FirstName).Change("two\nlines");
        Field(page, HealthCheckFields.Timestamp).Change("yesterday");
        Field(page, HealthCheckFields.Data).Change("[1, 2]");

        page.WaitForAssertion(() => Assert.Contains("'12345' is not a South African mobile number", ErrorUnder(page, HealthCheckFields.Msisdn)), Wait);
        Assert.Contains("control character (U+000A)", ErrorUnder(page, HealthCheckFields.FirstName));
        Assert.Contains("YYYY-MM-DD HH:MM:SS (SAST)", ErrorUnder(page, HealthCheckFields.Timestamp));
        Assert.Contains("must be a JSON object", ErrorUnder(page, HealthCheckFields.Data));
        Assert.Null(ErrorUnder(page, HealthCheckFields.City));

        page.Find("[data-testid=edit-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("4 fields need attention; nothing was saved.", page.Find("[data-testid=edit-notice]").TextContent), Wait);
        Assert.Equal(_check.Version, (await StoredAsync()).Version);
        Assert.Equal(0, await EditEntriesAsync());
    }

    [Fact]
    public async Task The_risk_is_recomputed_live_as_symptoms_exposure_and_age_change()
    {
        await using var ctx = EditPageContext.Create(_db, Roles.Admin);
        var page = Render(ctx);
        string Risk() => page.Find("[data-testid=edit-risk]").GetAttribute("data-risk")!;
        Assert.Equal("moderate", Risk());
        Assert.Empty(page.FindAll("[data-testid=edit-risk-was]"));

        Field(page, HealthCheckFields.Fever).Change(true);         // 2 symptoms, 18-40, not exposed: moderate
        page.WaitForAssertion(() => Assert.Equal("moderate", Risk()), Wait);
        Assert.Contains("symptom rule: 2 symptoms", page.Find("[data-testid=edit-risk-why]").TextContent);

        Field(page, HealthCheckFields.SoreThroat).Change(true);    // 3 symptoms: high
        page.WaitForAssertion(() => Assert.Equal("high", Risk()), Wait);
        Assert.Contains("stored: moderate", page.Find("[data-testid=edit-risk-was]").TextContent);

        // In the launch weeks the points rule applies: 3 symptoms = 30 points, "high" (critical needs more than 30).
        Field(page, HealthCheckFields.Timestamp).Change("2020-04-02 10:00:00");
        page.WaitForAssertion(() => Assert.Contains("points rule", page.Find("[data-testid=edit-risk-why]").TextContent), Wait);
        Assert.Equal("high", Risk());

        Field(page, HealthCheckFields.Timestamp).Change("not a time");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=edit-risk-unknown]")), Wait);
    }

    [Fact]
    public async Task A_valid_change_is_saved_with_its_audit_entry()
    {
        await using var ctx = EditPageContext.Create(_db, Roles.Admin);
        var page = Render(ctx);

        Field(page, HealthCheckFields.City).Change("Orlando East");
        Field(page, HealthCheckFields.Fever).Change(true);
        Field(page, HealthCheckFields.SoreThroat).Change(true);
        page.Find("[data-testid=edit-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Saved: city, fever, sore_throat, risk.", page.Find("[data-testid=edit-notice]").TextContent), Wait);
        var stored = await StoredAsync();
        Assert.Equal(("Orlando East", Risk.High), (stored.City, stored.Risk));
        Assert.Equal(1, await EditEntriesAsync());
        await using var db = _db.CreateDbContext();
        Assert.Equal("admin", (await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Edit)).ActorName);
        // The form now holds the new version: a second change saves without a conflict.
        Field(page, HealthCheckFields.City).Change("Orlando West");
        page.Find("[data-testid=edit-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Saved: city.", page.Find("[data-testid=edit-notice]").TextContent), Wait);
    }

    [Fact]
    public async Task Times_are_shown_and_entered_in_the_display_zone()
    {
        await using var ctx = EditPageContext.Create(_db, Roles.Admin);
        var page = Render(ctx);
        // Stored 08:01 UTC: shown as 10:01 SAST, under a label that says so.
        Assert.Equal("2021-06-01 10:01:00", Field(page, HealthCheckFields.Timestamp).GetAttribute("value"));
        Assert.Contains("Time (SAST)", page.Markup);
        Assert.Contains("Completed (SAST)", page.Markup);
        Assert.DoesNotContain("(UTC)", page.Markup);

        // 00:30 SAST on 2 June is 22:30 UTC on 1 June.
        Field(page, HealthCheckFields.Timestamp).Change("2021-06-02 00:30:00");
        Field(page, HealthCheckFields.CompletedTimestamp).Change("2021-06-02 00:30:00");
        page.Find("[data-testid=edit-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Saved:", page.Find("[data-testid=edit-notice]").TextContent), Wait);
        var stored = await StoredAsync();
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 22, 30, 0, TimeSpan.Zero), stored.Timestamp);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 22, 30, 0, TimeSpan.Zero), stored.CompletedTimestamp);
    }

    [Fact]
    public async Task A_change_made_meanwhile_by_someone_else_is_reported_and_can_be_reloaded()
    {
        await using var ctx = EditPageContext.Create(_db, Roles.Admin);
        var page = Render(ctx);

        // Another admin saves first, through the same editor.
        var editor = ctx.Services.GetRequiredService<HealthCheckEditor>();
        var theirs = (await StoredAsync()).ToInput();
        theirs.City = "Changed elsewhere";
        Assert.Equal(EditOutcome.Saved, (await editor.SaveAsync(_check.Id, _check.Version, theirs, new EditAuthor("u2", "other-admin", null))).Outcome);

        Field(page, HealthCheckFields.City).Change("Mine");
        page.Find("[data-testid=edit-save]").Click();

        page.WaitForAssertion(() => Assert.Matches(@"changed by other-admin at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d SAST after you opened it\. Nothing was saved: reload",
            page.Find("[data-testid=edit-conflict]").TextContent), Wait);
        Assert.Equal("Changed elsewhere", (await StoredAsync()).City);
        Assert.Equal(1, await EditEntriesAsync());

        page.Find("[data-testid=edit-reload]").Click();
        page.WaitForAssertion(() => Assert.Equal("Changed elsewhere", Field(page, HealthCheckFields.City).GetAttribute("value")), Wait);
        Assert.Empty(page.FindAll("[data-testid=edit-conflict]"));
    }
}
