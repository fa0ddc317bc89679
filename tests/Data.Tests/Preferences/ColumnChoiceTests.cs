using Admin.Data.Entities;
using Admin.Data.Preferences;
using Admin.Data.Security;
using Admin.Testing;

namespace Admin.Data.Tests.Preferences;

/// <summary>Column choices kept per person and list in PostgreSQL, and what a saved choice means to a list.</summary>
public sealed class ColumnChoiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_choice_is_saved_per_person_and_list_replaced_and_reset()
    {
        var ana = await TestAccounts.IdOfAsync(_db, await TestAccounts.EnsureAsync(_db, Roles.Analyst));
        var max = await TestAccounts.IdOfAsync(_db, await TestAccounts.EnsureAsync(_db, Roles.Admin));
        var store = new ColumnChoiceStore(_db.DataSource);

        await store.SaveAsync(ana, "health-checks", ["timestamp", "risk"]);
        await store.SaveAsync(ana, "vaccine-registrations", ["created_at"]);
        await store.SaveAsync(max, "health-checks", ["msisdn"]);
        await store.SaveAsync(ana, "health-checks", ["timestamp", "city"]); // replaces

        var mine = await store.OfUserAsync(ana);
        Assert.Equal(["timestamp", "city"], mine["health-checks"]);
        Assert.Equal(["created_at"], mine["vaccine-registrations"]);
        Assert.Equal(["msisdn"], (await store.OfUserAsync(max))["health-checks"]);
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT count(*) FROM user_column_choices"));

        await store.ResetAsync(ana, "health-checks");
        Assert.False((await store.OfUserAsync(ana)).ContainsKey("health-checks"));
        Assert.Empty(await store.OfUserAsync("nobody"));
    }

    [Fact]
    public async Task Choices_go_with_the_account()
    {
        var ana = await TestAccounts.IdOfAsync(_db, await TestAccounts.EnsureAsync(_db, Roles.Analyst));
        var store = new ColumnChoiceStore(_db.DataSource);
        await store.SaveAsync(ana, "health-checks", ["risk"]);

        await _db.ExecuteAsync($"DELETE FROM user_roles WHERE user_id = '{ana}'; DELETE FROM users WHERE id = '{ana}'");

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM user_column_choices"));
        // And a choice for no account is refused, not stored.
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => store.SaveAsync("no-such-user", "health-checks", ["risk"]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(ana, "health-checks", []));
    }

    [Fact]
    public void A_saved_choice_shows_its_known_columns_in_the_lists_order_and_ignores_the_rest()
    {
        var list = HealthCheckList.Definition;

        var shown = list.ColumnsFor(["city", "no_such_column", "risk", "timestamp"]).Select(c => c.Name).ToList();

        Assert.Equal(["timestamp", "risk", "city"], shown);
        // Nothing saved, or nothing the list still has: the default set, which is what it declares as shown.
        var defaults = list.Columns.Where(c => c.ShownByDefault).Select(c => c.Name).ToList();
        Assert.Equal(defaults, list.ColumnsFor(null).Select(c => c.Name));
        Assert.Equal(defaults, list.ColumnsFor(["removed_a", "removed_b"]).Select(c => c.Name));
        Assert.True(list.IsDefaultChoice(defaults));
        Assert.False(list.IsDefaultChoice(["timestamp"]));
        // The chooser offers the default set first.
        Assert.Equal(defaults, list.ChoosableColumns.Take(defaults.Count).Select(c => c.Name));
        Assert.Contains(list.ChoosableColumns, c => !c.ShownByDefault);
    }

    [Fact]
    public void A_chosen_personal_column_shows_the_masked_value_to_a_masked_role()
    {
        var list = HealthCheckList.Definition;
        var row = HealthCheckRows.Create(1);
        row.FirstName = "Thandiwe";
        row.Msisdn = "+27821234567";
        var masked = list.Present(row, PersonalDataView.Masked);

        var cells = list.ColumnsFor(["first_name", "msisdn"]).ToDictionary(c => c.Name, c => c.Format(masked));

        Assert.Equal("T.", cells["first_name"]);
        Assert.Equal("+27 82 *** 4567", cells["msisdn"]);
    }
}
