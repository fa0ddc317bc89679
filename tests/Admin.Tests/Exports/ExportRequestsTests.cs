using System.Security.Claims;
using Admin.Data.Exports;
using Admin.Data.Listing;
using Admin.Data.Security;
using Admin.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Exports;

/// <summary>What the Export menu and the Exports page call: download now or queue a job, by the planner's estimate; roles; cancel.</summary>
public sealed class ExportRequestsTests(ExportAppFixture app) : IClassFixture<ExportAppFixture>
{
    [Fact]
    public async Task A_small_export_is_a_download_link_for_the_grids_query()
    {
        await using var scope = Scope("u-analyst", "analyst", Roles.Analyst);
        var requests = scope.ServiceProvider.GetRequiredService<ExportRequests>();

        var start = await requests.StartAsync("health-checks", "province=ZA-GT&risk=high", ExportFormat.Csv);

        Assert.Null(start.Job);
        Assert.Equal("/exports/download/health-checks.csv?province=ZA-GP&risk=high", start.DownloadUrl);
    }

    [Fact]
    public async Task A_large_export_becomes_an_audited_background_job_that_finishes_without_the_page()
    {
        await using var scope = Scope("u-analyst-2", "analyst-two", Roles.Analyst);
        var requests = scope.ServiceProvider.GetRequiredService<ExportRequests>();

        var start = await requests.StartAsync("health-checks", "", ExportFormat.Ndjson);

        Assert.Null(start.DownloadUrl);
        var job = Assert.IsType<ExportJob>(start.Job);
        Assert.Equal((ExportAppFixture.Rows, "ndjson", Roles.Analyst, "u-analyst-2"), (job.RowsEstimated, job.Format, job.Role, job.OwnerId));
        var done = await app.WaitForAsync(job.Id, j => j.Status == ExportJobStatus.Done);
        Assert.Equal(ExportAppFixture.Rows, done.RowsDone);
        Assert.Contains(await requests.MineAsync(), j => j.Id == job.Id);
        var statuses = await app.Database.ScalarAsync<string>(
            $"SELECT string_agg(detail->>'status', ',' ORDER BY id) FROM audit_entries WHERE action = 'export' AND detail->>'job' = '{job.Id}'");
        Assert.Equal("queued,done", statuses);
    }

    [Fact]
    public async Task A_manager_cannot_start_a_record_export_and_a_bad_query_is_refused_readably()
    {
        await using (var scope = Scope("u-manager", "manager", Roles.Manager))
            await Assert.ThrowsAsync<ExportRefusedException>(() =>
                scope.ServiceProvider.GetRequiredService<ExportRequests>().StartAsync("health-checks", "", ExportFormat.Csv));

        await using (var scope = Scope("u-analyst", "analyst", Roles.Analyst))
        {
            var ex = await Assert.ThrowsAsync<ListRequestException>(() =>
                scope.ServiceProvider.GetRequiredService<ExportRequests>().StartAsync("health-checks", "district=Narnia", ExportFormat.Csv));
            Assert.Contains("is not a district this list knows", ex.Message);
        }
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_cancels_a_job()
    {
        var job = await app.AddRunningElsewhereAsync(new ExportJob
        {
            OwnerId = "u-owner", OwnerName = "owner", Role = Roles.Analyst, List = "health-checks", Query = "province=ZA-GP", Format = "csv",
        });

        await using (var scope = Scope("u-other", "other", Roles.Analyst))
            Assert.False(await scope.ServiceProvider.GetRequiredService<ExportRequests>().CancelAsync(job.Id));
        await using (var scope = Scope("u-admin", "admin", Roles.Admin))
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExportRequests>().CancelAsync(job.Id));
        Assert.Equal(ExportJobStatus.Cancelled, (await app.Store.FindAsync(job.Id))!.Status);
    }

    /// <summary>A request scope as the given user (what a page or endpoint runs in).</summary>
    private AsyncServiceScope Scope(string id, string name, string role)
    {
        var scope = app.App.Services.CreateAsyncScope();
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        return scope;
    }
}
