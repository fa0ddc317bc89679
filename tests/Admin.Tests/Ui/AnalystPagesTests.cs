using System.Net;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>
/// The leak crawl, as an analyst over HTTP: every page the app maps (taken from its endpoints, so a new page is crawled
/// without a change here), each list and record, the pages an analyst is refused, and the API's document and reference.
/// The prerendered pages (records themselves are read in the live circuit, which the bunit renders of
/// <see cref="NoFullNumberTests"/> and <see cref="MaskedPagesTests"/> cover) and the documents hold no full mobile number;
/// the API document's example number is in the free-call range (see <see cref="FullNumbers"/>).
/// </summary>
public sealed class AnalystPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task No_page_or_document_an_analyst_receives_holds_a_full_number()
    {
        var rows = await PersonalRows.SeedAsync(app.Database);
        var vaccineId = await app.Database.ScalarAsync<long>("SELECT min(id) FROM vaccine_registrations");
        var auditId = await app.Database.ScalarAsync<long>(
            "INSERT INTO audit_entries (actor_name, action, table_name, record_id, query) VALUES ('a', 'search', 'health_checks', NULL, 'q=0821234567') RETURNING id");
        var check = rows.First(r => r.Msisdn == PersonalRows.Number).Id.ToString();
        var slugs = app.Factory.Services.GetRequiredService<TableRegistry>().Records.Select(t => t.Slug).ToList();
        string RecordId(string slug) => slug == "health-checks" ? check : vaccineId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var pages = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!).Distinct().ToList();
        var urls = pages.SelectMany(p => p.Contains("{Slug}", StringComparison.Ordinal)
                ? slugs.Select(s => p.Replace("{Slug}", s, StringComparison.Ordinal).Replace("{Id}", RecordId(s), StringComparison.Ordinal))
                : [p.Replace("{Id:guid}", check, StringComparison.Ordinal).Replace("{Id:long}", auditId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)])
            .Concat(["/records/health-checks?q=12&in=phone", "/records/health-checks?q=082&in=phone-prefix", "/hotspots?preset=365d",
                     "/openapi/v1.json", "/api/docs"])
            .ToList();
        Assert.All(urls, u => Assert.DoesNotContain("{", u)); // every route parameter has a value
        Assert.Contains("/hotspots", urls);
        Assert.Contains("/exports", urls);

        var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Analyst);
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } to)
                response = await client.GetAsync(to); // the pages an analyst is refused: the Denied page
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
            FullNumbers.AssertNone(body, $"on {url} ");
            if (url == "/openapi/v1.json") Assert.Contains(Admin.Api.ApiOpenApiContract.ExampleMsisdn, body); // whole bodies are read
        }
    }
}
