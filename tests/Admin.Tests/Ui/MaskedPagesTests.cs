using Admin.Components.Grid;
using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>A database with known personal data, shared by the page renders of one class (they only read it).</summary>
public sealed class PersonalDataFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public List<HealthCheck> Rows { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Rows = await PersonalRows.SeedAsync(Db);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>
/// Every page that shows records, rendered (bunit, a live circuit) over a real database: for an analyst the whole
/// render tree holds no full number, name, birth date or precise location; for an admin it holds them.
/// </summary>
public sealed class MaskedPagesTests(PersonalDataFixture data) : IClassFixture<PersonalDataFixture>
{
    // bunit waits 1 s by default; real queries on a busy shared machine can take longer. Not a timing assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private BunitContext Context(string role, string url, RendererInfo? renderer = null, IDictionary<string, string?>? settings = null)
    {
        var ctx = UiTestContext.Create(s => s.AddAppServices(data.Db, settings), renderer, role);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx;
    }

    private static IRenderedComponent<Records> RenderList(BunitContext ctx, string slug)
    {
        var cut = ctx.Render<Records>(p => p.Add(x => x.Slug, slug));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")), Patience);
        return cut;
    }

    private HealthCheck OfTheNumber => data.Rows.First(r => r.Msisdn == PersonalRows.Number);

    [Fact]
    public async Task An_analyst_sees_health_checks_with_masked_numbers_only()
    {
        await using var ctx = Context(Roles.Analyst, "records/health-checks");

        var cut = RenderList(ctx, HealthCheckList.Slug);

        Assert.Contains("+27 82 *** 4567", cut.Markup);
        Assert.Contains("+27 83 *** ", cut.Markup);
        PersonalRows.AssertNoPersonalData(cut.Markup, data.Rows);
    }

    [Fact]
    public async Task An_admin_sees_health_checks_with_full_numbers()
    {
        await using var ctx = Context(Roles.Admin, "records/health-checks");

        var cut = RenderList(ctx, HealthCheckList.Slug);

        Assert.Contains(PersonalRows.Number, cut.Markup);
        Assert.DoesNotContain("***", cut.Markup);
    }

    [Theory]
    [InlineData(Roles.Analyst, false)]
    [InlineData(Roles.Admin, true)]
    public async Task Vaccine_registrations_show_names_and_numbers_to_admins_only(string role, bool full)
    {
        await using var ctx = Context(role, "records/vaccine-registrations");

        var cut = RenderList(ctx, VaccineRegistrationList.Slug);

        if (full)
        {
            Assert.Contains(PersonalRows.VaccineSurname + "1", cut.Markup);
            Assert.Contains(PersonalRows.VaccineNumber, cut.Markup);
        }
        else
        {
            var row = cut.FindAll("tr.kg-row")[0].TextContent;
            Assert.Contains("N.", row);
            Assert.Contains("D.", row);
            Assert.Contains("1980-01-01", row); // the year of birth only
            PersonalRows.AssertNoPersonalData(cut.Markup, data.Rows);
        }
    }

    [Fact]
    public async Task The_number_ordering_labels_its_position_with_a_masked_number_for_an_analyst()
    {
        // "Phone starts with" lists in number order, so the grid's position label is a number.
        await using var ctx = Context(Roles.Analyst, "records/health-checks?q=083%20000&in=phone-prefix");

        var cut = RenderList(ctx, HealthCheckList.Slug);

        Assert.Matches(@"^around \+27 83 \*\*\* \d{4}$", cut.Find("[data-testid=grid-position]").TextContent.Trim());
        PersonalRows.AssertNoPersonalData(cut.Markup, data.Rows);
    }

    [Fact]
    public async Task An_analyst_s_exact_full_number_search_finds_the_checks_and_shows_them_masked()
    {
        await using var ctx = Context(Roles.Analyst, "records/health-checks?q=082%20123%204567&in=phone");

        var cut = RenderList(ctx, HealthCheckList.Slug);

        var rows = cut.FindAll("tr.kg-row");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Contains("+27 82 *** 4567", r.TextContent));
        // The search box echoes what the analyst typed; the rows and the rest of the page hold no number.
        PersonalRows.AssertNoPersonalData(cut.Find("[data-testid=keyset-grid]").OuterHtml, data.Rows);
    }

    [Fact]
    public async Task An_analyst_sees_a_check_s_detail_masked_and_its_other_checks_found_by_record_id()
    {
        var check = OfTheNumber;
        await using var ctx = Context(Roles.Analyst, $"records/health-checks/{check.Id}");

        var cut = ctx.Render<HealthCheckDetail>(p => p.Add(x => x.Id, check.Id));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr.kg-row").Count), Patience);

        var fields = cut.Find("[data-testid=detail-fields]").TextContent;
        Assert.Contains("+27 82 *** 4567", fields);
        Assert.Contains("T. M.", fields);
        Assert.Contains("not shown to your role", fields);
        Assert.Contains("not shown to your role", cut.Find("[data-testid=detail-location]").TextContent);
        Assert.Equal($"records/health-checks?q={check.Id}&in=same-number", cut.Find("[data-testid=same-number-list]").GetAttribute("href"));
        PersonalRows.AssertNoPersonalData(cut.Markup, data.Rows);
        var grid = cut.FindComponent<KeysetGrid<HealthCheck>>().Instance;
        Assert.All(grid.Rows, r => Assert.Equal("+27 82 *** 4567", r.Msisdn));
    }

    [Fact]
    public async Task An_admin_sees_a_check_s_detail_in_full()
    {
        var check = OfTheNumber;
        await using var ctx = Context(Roles.Admin, $"records/health-checks/{check.Id}");

        var cut = ctx.Render<HealthCheckDetail>(p => p.Add(x => x.Id, check.Id));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr.kg-row").Count), Patience);

        var fields = cut.Find("[data-testid=detail-fields]").TextContent;
        Assert.Contains(PersonalRows.Number, fields);
        Assert.Contains($"{PersonalRows.FirstName} {PersonalRows.LastName}", fields);
        Assert.Contains(PersonalRows.BirthDate, fields);
        Assert.Contains(PersonalRows.Latitude, cut.Find("[data-testid=detail-location]").TextContent);
    }

    [Fact]
    public async Task A_prerendered_detail_page_holds_no_record_at_all()
    {
        var check = OfTheNumber;
        await using var ctx = Context(Roles.Admin, $"records/health-checks/{check.Id}", new RendererInfo("Static", isInteractive: false));

        var cut = ctx.Render<HealthCheckDetail>(p => p.Add(x => x.Id, check.Id));

        Assert.NotNull(cut.Find("[data-testid=detail-loading]"));
        Assert.DoesNotContain(PersonalRows.Number, cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=detail-fields]"));
    }

    [Theory]
    [InlineData(Roles.Analyst, false)]
    [InlineData(Roles.Admin, true)]
    public async Task The_generic_detail_page_masks_a_vaccine_registration_for_an_analyst(string role, bool full)
    {
        var id = await data.Db.ScalarAsync<long>($"SELECT id FROM vaccine_registrations WHERE mobile_number = '{PersonalRows.VaccineNumber}'");
        await using var ctx = Context(role, $"records/vaccine-registrations/{id}");

        var cut = ctx.Render<RecordDetail>(p => p.Add(x => x.Slug, VaccineRegistrationList.Slug).Add(x => x.Id, id.ToString()));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=detail-fields]")), Patience);

        var fields = cut.Find("[data-testid=detail-fields]").TextContent;
        if (full)
        {
            Assert.Contains(PersonalRows.VaccineNumber, fields);
            Assert.Contains(PersonalRows.VaccineFirstName, fields);
        }
        else
        {
            Assert.Contains("+27 72 *** 2233", fields);
            Assert.Contains("N.", fields);
            PersonalRows.AssertNoPersonalData(cut.Markup, data.Rows);
        }
    }

    [Fact]
    public async Task The_generic_record_routes_do_not_open_the_audit_trail()
    {
        await using var ctx = Context(Roles.Analyst, "records/audit");

        var list = ctx.Render<Records>(p => p.Add(x => x.Slug, "audit"));
        var detail = ctx.Render<RecordDetail>(p => p.Add(x => x.Slug, "audit").Add(x => x.Id, "1"));

        Assert.Contains("There is no list called \"audit\"", list.Markup);
        Assert.Empty(list.FindAll("[data-testid=keyset-grid]"));
        Assert.Contains("There is no list called \"audit\"", detail.Markup);
    }

    [Theory]
    [InlineData(Roles.Analyst, false)]
    [InlineData(Roles.Admin, true)]
    public async Task Only_an_admin_is_offered_an_exact_count(string role, bool offered)
    {
        // With no exact count attempted, the label is an estimate, which is when "Count exactly" would be offered.
        await using var ctx = Context(role, "records/health-checks", settings: new Dictionary<string, string?> { ["Counting:ExactCeiling"] = "0" });

        var cut = RenderList(ctx, HealthCheckList.Slug);
        cut.WaitForAssertion(() => Assert.Equal("estimate", cut.Find("[data-testid=count-label]").GetAttribute("data-kind")), Patience);

        Assert.Equal(offered, cut.FindAll("[data-testid=count-exact]").Count == 1);
    }
}
