using Admin.Data.Security;
using AngleSharp.Html.Parser;

namespace Admin.Tests.Hosting;

/// <summary>GET /admin: every list's indexes and whether each offer is served (prerendered on the server).</summary>
public sealed class AdminOverviewTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Lists_each_table_with_its_indexes_and_reports_every_offer_served()
    {
        using var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Admin);
        var html = await client.GetStringAsync("/admin");
        var page = await new HtmlParser().ParseDocumentAsync(html);

        foreach (var table in new[] { "health_checks", "vaccine_registrations" })
        {
            var section = page.QuerySelector($"[data-table={table}]");
            Assert.NotNull(section);
            Assert.NotNull(section.QuerySelector("[data-testid=coverage-ok]"));
            Assert.Contains("ix_", section.TextContent);
        }
        Assert.Contains("ix_health_checks_msisdn_windows", html);
        // An expression index shows its expression (the phone number's 5-digit windows) and its GIN operator class.
        Assert.Contains("substr(msisdn::text, 4, 5)", html);
        Assert.Contains("array_ops", html);
        // One node, no standby configured: the replica line says where reads go.
        Assert.Equal("Read replica: no standby configured: every read goes to the primary",
            page.QuerySelector("[data-testid=replica-status]")?.TextContent.Trim());
    }
}
