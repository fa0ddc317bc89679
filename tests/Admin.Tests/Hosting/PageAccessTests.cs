using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Admin.Data.Entities;
using Admin.Data.Security;
using Admin.Security;
using Admin.Testing;
using Admin.Tests.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Admin.Tests.Hosting;

/// <summary>A database with known personal data and the app over it, shared by the HTTP tests of one class.</summary>
public sealed class PersonalDataAppFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public AdminAppFactory Factory { get; private set; } = null!;
    public List<HealthCheck> Rows { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Rows = await PersonalRows.SeedAsync(Database);
        Factory = new AdminAppFactory(Database.ConnectionString);
    }

    // One login per role for the whole class: the login form allows only a few attempts per minute from one address.
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task<HttpClient> ClientAsAsync(string role) =>
        _clients.TryGetValue(role, out var client) ? client : _clients[role] = await Factory.CreateClientAsAsync(Database, role);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// Every page route through the whole pipeline: none answers without login, each role reaches only its pages, and
/// what an analyst's browser is sent (the prerendered HTML) holds no personal data.
/// </summary>
public sealed class PageAccessTests(PersonalDataAppFixture app) : IClassFixture<PersonalDataAppFixture>
{
    /// <summary>Pages anyone may open: the login form and the error page (it says nothing about the data).</summary>
    private static readonly HashSet<string> Anonymous = ["/account/login", "/error"];

    /// <summary>Pages for any logged-in user, whatever the role: every other page must name a policy.</summary>
    private static readonly HashSet<string> AnyRole = ["/", "/account/change-password", "/account/denied", "/not-found"];

    /// <summary>Every @page route of the app, found by reflection, so a page added later is covered without a change here.</summary>
    public static IEnumerable<object[]> Routes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new object[] { r.Template, t.Name }))
            .OrderBy(r => (string)r[0], StringComparer.Ordinal);

    /// <summary>A concrete address for a route template: route parameters get values of their constraint's type.</summary>
    private string UrlOf(string template) =>
        Regex.Replace(template, @"\{(\*?)(\w+)(?::(\w+))?\??\}", m => (m.Groups[2].Value, m.Groups[3].Value) switch
        {
            (_, "guid") => app.Rows[0].Id.ToString(),
            (_, "long" or "int") => "1",
            ("Slug", _) => HealthCheckList.Slug,
            _ => "1",
        });

    [Fact]
    public void The_app_has_the_pages_this_test_expects_to_find()
    {
        var routes = Routes().Select(r => (string)r[0]).ToList();
        Assert.Contains("/records/{Slug}", routes);
        Assert.Contains("/admin/users", routes);
        Assert.Contains("/admin/audit", routes);
        Assert.True(routes.Count >= 14, $"only {routes.Count} routes found");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_requests_are_sent_to_the_login_page(string template, string component)
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(UrlOf(template));

        if (Anonymous.Contains(template))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{component} ({template}) answered {(int)response.StatusCode} without login");
        Assert.Equal(AccountPaths.Login, response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Every_page_names_its_policy_or_is_knowingly_open(string template, string component)
    {
        var type = typeof(Program).Assembly.GetTypes().Single(t => t.Name == component && typeof(IComponent).IsAssignableFrom(t));
        var authorize = type.GetCustomAttributes<AuthorizeAttribute>().ToList();
        var anonymous = type.GetCustomAttribute<AllowAnonymousAttribute>() is not null;

        if (Anonymous.Contains(template)) Assert.True(anonymous, $"{component} should allow anonymous users");
        else if (AnyRole.Contains(template)) Assert.False(anonymous, $"{component} must not allow anonymous users");
        else
        {
            Assert.False(anonymous, $"{component} must not allow anonymous users");
            Assert.True(authorize.Any(a => a.Policy is Policies.Records or Policies.Hotspots or Policies.Admin),
                $"{component} ({template}) names no policy: add [Authorize(Policy = Policies.X)] (or, if any logged-in user may open it, list it in AnyRole)");
        }
    }

    [Theory]
    [InlineData("/records/health-checks")]
    [InlineData("/records/vaccine-registrations")]
    [InlineData("/records/health-checks/{guid}")]
    [InlineData("/records/vaccine-registrations/1")]
    [InlineData("/admin")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit/1")]
    [InlineData("/admin/users")]
    [InlineData("/admin/performance")]
    public async Task A_manager_is_refused_records_and_admin_pages(string path)
    {
        var client = await app.ClientAsAsync(Roles.Manager);

        var response = await client.GetAsync(path.Replace("{guid}", app.Rows[0].Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPaths.AccessDenied, response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit/1")]
    [InlineData("/admin/users")]
    [InlineData("/records/health-checks/{guid}/history")]
    [InlineData("/admin/performance")]
    public async Task An_analyst_is_refused_the_admin_pages(string path)
    {
        var client = await app.ClientAsAsync(Roles.Analyst);

        var response = await client.GetAsync(path.Replace("{guid}", app.Rows[0].Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPaths.AccessDenied, response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/records/audit")]
    [InlineData("/records/audit_entries")]
    [InlineData("/records/audit/1")]
    public async Task An_analyst_cannot_reach_the_audit_trail_through_the_record_routes(string path)
    {
        var client = await app.ClientAsAsync(Roles.Analyst);

        var html = await client.GetStringAsync(path);

        Assert.Contains("There is no list called", html);
        Assert.DoesNotContain("keyset-grid", html);
    }

    [Theory]
    [InlineData("/records/health-checks")]
    [InlineData("/records/health-checks?sort=oldest")]
    [InlineData("/records/health-checks?q=083%20000&in=phone-prefix")]
    [InlineData("/records/health-checks/{guid}")]
    [InlineData("/records/health-checks?q={guid}&in=same-number")]
    [InlineData("/records/vaccine-registrations")]
    [InlineData("/records/vaccine-registrations/1")]
    [InlineData("/hotspots")]
    [InlineData("/")]
    public async Task What_an_analyst_is_sent_holds_no_personal_data(string path)
    {
        var client = await app.ClientAsAsync(Roles.Analyst);

        var response = await client.GetAsync(path.Replace("{guid}", app.Rows[0].Id.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PersonalRows.AssertNoPersonalData(await response.Content.ReadAsStringAsync(), app.Rows);
    }
}
