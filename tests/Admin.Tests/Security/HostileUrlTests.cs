using System.Net;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;

namespace Admin.Tests.Security;

/// <summary>
/// A battery of hostile URLs against every page that reads its address: each gets a page (or the app's 404), never a
/// 500, a stack trace or SQL text. The pages prerender, so what the server made of the input is in the HTML.
/// </summary>
public sealed class HostileUrlTests(HostileUrlTests.Seeded app) : IClassFixture<HostileUrlTests.Seeded>
{
    public static TheoryData<string> Urls()
    {
        string[] values =
        [
            "'; DROP TABLE health_checks; --", "' OR '1'='1", "1) OR (1=1", "%00", "%C0%AF", "%ED%A0%80", "%F0%28%8C%BC",
            "<script>alert(1)</script>", "../../etc/passwd", "9999-99-99", "2021-13-45", "-1", "1e309", "NaN",
            "99999999999999999999999999", new string('9', 5000), new string('x', 10_240), "%E2%80%AE", "\u202e", "%", "%%", "{0}", "$1",
        ];
        string[] pages =
        [
            "/records/health-checks?province={v}", "/records/health-checks?risk={v}", "/records/health-checks?district={v}",
            "/records/health-checks?from={v}&to={v}", "/records/health-checks?q={v}", "/records/health-checks?q={v}&in=phone-prefix",
            "/records/health-checks?q={v}&in=phone-contains", "/records/health-checks?q={v}&in={v}", "/records/health-checks?sort={v}",
            "/records/health-checks?at={v}", "/records/health-checks?{v}={v}", "/records/vaccine-registrations?q={v}&in=phone",
            "/records/{v}", "/records/health-checks/{v}", "/records/vaccine-registrations/{v}",
            "/hotspots?preset={v}", "/hotspots?from={v}&to={v}", "/hotspots?metric={v}", "/admin?{v}={v}",
            "/account/login?returnUrl={v}", "/admin/audit?q={v}", "/admin/audit?q={v}&in=record", "/admin/audit?action={v}",
            "/admin/audit?{v}={v}", "/exports?{v}={v}", "/admin/api-keys?{v}={v}", "/admin/users?{v}={v}",
            "/records/health-checks/00000000-0000-0000-0000-000000000001/edit?{v}={v}",
        ];
        var data = new TheoryData<string>();
        foreach (var page in pages)
            foreach (var v in values.Where(v => page.Contains('?') || v != "%00")) // NUL in a path: refused before the app (Kestrel 400)
                data.Add(page.Replace("{v}", v.StartsWith('%') ? v : Uri.EscapeDataString(v), StringComparison.Ordinal));
        return data;
    }

    /// <summary>One app, 50 rows and a logged-in admin for the whole battery.</summary>
    public sealed class Seeded : IAsyncLifetime
    {
        private readonly AppFixture _app = new();

        public TestDatabase Database => _app.Database;
        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _app.InitializeAsync();
            await SqlSeed.HealthChecksAsync(_app.Database, 50);
            Client = await _app.Factory.CreateClientAsAsync(_app.Database, Roles.Admin, "hostile-admin");
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Gets_a_page_or_not_found_never_an_error(string url)
    {
        var audited = await AuditCountAsync();
        var response = await app.Client.GetAsync(url);
        // The whole body arrives: a failure after the first bytes (an audit write, say) would throw here or cut the page.
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Redirect,
            $"{url} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Npgsql", body);
        Assert.DoesNotContain("SELECT ", body);
        Assert.DoesNotContain("<script>alert(1)</script>", body);
        Assert.Equal(50L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
            Assert.Contains("</html>", body); // (Blazor appends its persisted state after it)
        // A page writes at most one entry (a search or a record view), and never fails to: a refused query writes none.
        Assert.InRange(await AuditCountAsync() - audited, 0, 1);
    }

    private Task<long> AuditCountAsync() => app.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries");
}
