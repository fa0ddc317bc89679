using System.Security.Claims;
using Admin.Data;
using Admin.Data.Exports;
using Admin.Data.Security;
using Admin.Exports;
using Admin.Security;
using Admin.Testing;
using Admin.Tests.Ui;
using Admin.Ui.Exports;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Admin.Tests.Exports;

/// <summary>The Exports page in a live circuit over a real database: it follows a job as its row changes, and cancels.</summary>
public sealed class ExportsPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private const string UserId = "u-exports-page";
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_page_keeps_following_a_running_job_until_its_download_appears()
    {
        await using var ctx = Context();
        var job = await QueueAsync(estimate: 1000);
        await SetAsync(job.Id, "status = 'running', rows_done = 100, started_at = now()");

        var page = ctx.Render<ExportsPage>();
        page.WaitForAssertion(() => Assert.Contains("100 of about 1,000 rows", page.Find($"[data-job='{job.Id}']").TextContent), Wait);

        await SetAsync(job.Id, "rows_done = 700");
        page.WaitForAssertion(() => Assert.Contains("700 of about 1,000 rows", page.Find($"[data-job='{job.Id}']").TextContent), Wait);

        await SetAsync(job.Id, "status = 'done', rows_done = 1012, file_path = '/tmp/x.csv', file_bytes = 10, finished_at = now()");
        page.WaitForAssertion(() =>
        {
            var link = page.Find($"[data-job='{job.Id}'] [data-testid=job-download]");
            Assert.Equal($"/exports/jobs/{job.Id}/file", link.GetAttribute("href"));
            Assert.True(link.HasAttribute("download"));
            Assert.Contains("1,012 rows", page.Find($"[data-job='{job.Id}']").TextContent);
        }, Wait);
    }

    [Fact]
    public async Task Cancel_ends_the_job_and_the_page_says_so()
    {
        await using var ctx = Context();
        var job = await QueueAsync(estimate: 5000);

        var page = ctx.Render<ExportsPage>();
        page.WaitForElement($"[data-job='{job.Id}'] [data-testid=job-cancel]", Wait).Click();

        page.WaitForAssertion(() => Assert.Equal("Cancelled", page.Find($"[data-job='{job.Id}'] [data-testid=job-status]").TextContent.Trim()), Wait);
        Assert.Equal(ExportJobStatus.Cancelled, await _db.ScalarAsync<string>($"SELECT status FROM export_jobs WHERE id = '{job.Id}'"));
    }

    private BunitContext Context()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("analyst");
        auth.SetRoles(Roles.Analyst);
        auth.SetPolicies(UiTestContext.PoliciesOf(Roles.Analyst));
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = _db.ConnectionString,
            ["Exports:ProgressInterval"] = "00:00:00.100",
        }).Build();
        ctx.Services.AddLogging()
            .AddAdminData(configuration)
            .AddExports(configuration)
            .AddHttpContextAccessor()
            .AddScoped<CircuitClientAddress>()
            .AddScoped<CurrentActor>()
            .AddScoped<ExportRequests>();
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    private async Task<ExportJob> QueueAsync(long estimate)
    {
        await using var db = _db.CreateDbContext();
        var job = new ExportJob
        {
            Id = Guid.CreateVersion7(), OwnerId = UserId, OwnerName = "analyst", Role = Roles.Analyst, List = "health-checks",
            Query = "province=ZA-GP", Format = "csv", Status = ExportJobStatus.Queued, RowsEstimated = estimate, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    }

    private Task SetAsync(Guid id, string set) => _db.ExecuteAsync($"UPDATE export_jobs SET {set} WHERE id = '{id}'");
}
