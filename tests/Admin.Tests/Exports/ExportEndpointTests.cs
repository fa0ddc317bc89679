using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Admin.Data.Exports;
using Admin.Data.Security;
using Admin.Testing.Exports;
using Admin.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Exports;

/// <summary>Record export downloads over HTTP: who may, what they get (masked by role), readable refusals, the audit trail.</summary>
public sealed class ExportEndpointTests(ExportAppFixture app) : IClassFixture<ExportAppFixture>
{
    [Fact]
    public async Task An_analyst_downloads_a_small_export_at_once_masked_and_audited_with_its_rows()
    {
        var client = await app.ClientAsync(Roles.Analyst);

        using var response = await client.GetAsync("/exports/download/health-checks.csv?province=ZA-GP");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^health-checks-\d{8}-\d{4}\.csv$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var records = CsvRecords.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ExportAppFixture.PerProvince + 1, records.Count);
        var phone = records[0].Select(h => h.Text).ToList().IndexOf("msisdn");
        Assert.All(records.Skip(1), r => Assert.Matches(@"^\+27 82 \*\*\* \d{4}$", r[phone].Text));

        var entry = await LastExportAuditAsync("analyst");
        Assert.Equal(("health_checks", "province=ZA-GP", (long?)ExportAppFixture.PerProvince), (entry.Table, entry.Query, entry.Rows));
        Assert.Equal("download", entry.Detail["mode"]!.GetValue<string>());
        Assert.Equal("done", entry.Detail["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_gets_full_phone_numbers_and_ndjson_as_json_lines()
    {
        var client = await app.ClientAsync(Roles.Admin);

        using var response = await client.GetAsync("/exports/download/health-checks.ndjson?province=ZA-WC&risk=high");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.NotEmpty(lines);
        Assert.All(lines, l =>
        {
            var o = JsonNode.Parse(l)!;
            Assert.Matches(@"^\+2782\d{7}$", (string)o["msisdn"]!);
            Assert.Equal(("ZA-WC", "high"), ((string)o["province"]!, (string)o["risk"]!));
        });
    }

    [Theory]
    [InlineData("/exports/download/health-checks.xml", "csv or ndjson", "format")]
    [InlineData("/exports/download/patients.csv", "There is no list called 'patients'", "list")]
    [InlineData("/exports/download/health-checks.csv?province=XX", "is not a province this list knows", "province")]
    [InlineData("/exports/download/health-checks.csv?risk=high&source=Web", "together is not supported", "source")]
    [InlineData("/exports/download/health-checks.csv?q=%27%3B%20DROP%20TABLE%20health_checks%3B--&in=phone", "South African mobile number", "q")]
    [InlineData("/exports/download/health-checks.csv?from=2021-02-30", "is not a date", "from")]
    public async Task Bad_requests_get_a_readable_400(string url, string reason, string parameter)
    {
        var client = await app.ClientAsync(Roles.Analyst);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(reason, (string)problem["detail"]!);
        Assert.Equal(parameter, (string?)problem["parameter"]);
        Assert.DoesNotContain(" at Admin.", problem.ToJsonString());
    }

    [Fact]
    public async Task An_export_too_large_to_download_at_once_says_where_to_start_it()
    {
        var client = await app.ClientAsync(Roles.Analyst);

        using var response = await client.GetAsync("/exports/download/health-checks.csv");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("about 300 rows", (string)problem["detail"]!);
        Assert.Contains("in the background", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_manager_is_refused_record_exports()
    {
        var client = await app.ClientAsync(Roles.Manager);

        using var download = await client.GetAsync("/exports/download/health-checks.csv?province=ZA-GP");
        using var file = await client.GetAsync($"/exports/jobs/{Guid.NewGuid()}/file");
        using var page = await client.GetAsync("/exports");

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Contains("Managers can download the hotspot district table", await download.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, file.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/denied", page.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Nobody_downloads_without_logging_in()
    {
        using var client = app.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/exports/download/health-checks.csv?province=ZA-GP");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_jobs_file_is_for_its_owner_and_admins_only()
    {
        var owner = await app.ClientAsync(Roles.Analyst);
        var other = await app.ClientAsync(Roles.Analyst, "analyst2");
        var admin = await app.ClientAsync(Roles.Admin);
        var job = await app.Store.CreateAsync(new ExportJob
        {
            OwnerId = await app.UserIdAsync("analyst"), OwnerName = "analyst", Role = Roles.Analyst,
            List = "health-checks", Query = "", Format = "csv", RowsEstimated = ExportAppFixture.Rows,
        });
        app.App.Services.GetRequiredService<ExportJobSignal>().Notify();
        var done = await app.WaitForAsync(job.Id, j => j.Status == ExportJobStatus.Done);
        Assert.Equal(ExportAppFixture.Rows, done.RowsDone);

        using var mine = await owner.GetAsync($"/exports/jobs/{job.Id}/file");
        using var theirs = await other.GetAsync($"/exports/jobs/{job.Id}/file");
        using var admins = await admin.GetAsync($"/exports/jobs/{job.Id}/file");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(ExportAppFixture.Rows + 1, CsvRecords.Parse(await mine.Content.ReadAsStringAsync()).Count);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admins.StatusCode);
        var entry = await LastExportAuditAsync("admin");
        Assert.Equal(("job-file", (long?)ExportAppFixture.Rows), (entry.Detail["mode"]!.GetValue<string>(), entry.Rows));

        await app.Database.ExecuteAsync($"UPDATE export_jobs SET file_path = NULL WHERE id = '{job.Id}'");
        using var expired = await owner.GetAsync($"/exports/jobs/{job.Id}/file");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
    }

    [Fact]
    public async Task The_exports_page_shows_a_jobs_progress_and_its_download_link()
    {
        var client = await app.ClientAsync(Roles.Analyst, "analyst3");
        var owner = await app.UserIdAsync("analyst3");
        var running = await app.AddRunningElsewhereAsync(new ExportJob
        {
            OwnerId = owner, OwnerName = "analyst3", Role = Roles.Analyst, List = "health-checks", Query = "q=0821234567&in=phone", Format = "ndjson",
            RowsEstimated = 2000, RowsDone = 500,
        });

        var html = await client.GetStringAsync("/exports");

        Assert.Contains($"data-job=\"{running.Id}\" data-status=\"running\"", html);
        Assert.Contains("500 of about 2,000 rows", html);
        Assert.Contains("aria-valuenow=\"25\"", html);
        Assert.Contains("data-testid=\"job-cancel\"", html);
        Assert.DoesNotContain("0821234567", html); // the analyst's own phone search shows masked
        Assert.DoesNotContain("+27821234567", html);
        await app.Database.ExecuteAsync($"UPDATE export_jobs SET status = 'cancelled' WHERE id = '{running.Id}'");
    }

    private async Task<(string? Table, string? Query, long? Rows, JsonNode Detail)> LastExportAuditAsync(string actor)
    {
        await using var cmd = app.Database.DataSource.CreateCommand(
            "SELECT table_name, query, rows, detail::text FROM audit_entries WHERE action = 'export' AND actor_name = $1 ORDER BY id DESC LIMIT 1");
        cmd.Parameters.AddWithValue(actor);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no export audited for {actor}");
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2), JsonNode.Parse(reader.GetString(3))!);
    }
}
