using System.Net;
using Admin.Testing;
using Admin.Tests.Api;
using Admin.Tests.Hosting;

namespace Admin.Tests.Cli;

/// <summary>The drill's API keys come from the command line: printed once, working, audited; bad scopes refused.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CreateApiKeyCommandTests
{
    [Fact]
    public async Task Prints_a_key_that_reads_the_feed_and_records_its_creation()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (exit, output) = await CliRunner.RunAsync(db, "create-api-key", "--name", "drill crawler", "--role", "Analyst", "--scopes", "read");

        Assert.Equal(0, exit);
        var key = output.Trim();
        await using var app = new AdminAppFactory(db.ConnectionString);
        using var client = app.CreateApiClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/healthchecks?page_size=10")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/healthchecks", CheckJson.Create().Content())).StatusCode);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'api-key-created' AND actor_name = '(command line)'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE name = 'drill crawler' AND role = 'Analyst' AND scopes = 'read'"));
    }

    [Fact]
    public async Task An_unknown_scope_is_refused_and_nothing_is_written()
    {
        await using var db = await TestDatabase.CreateAsync();

        var (exit, _) = await CliRunner.RunAsync(db, "create-api-key", "--name", "x", "--role", "Admin", "--scopes", "read,admin");

        Assert.Equal(2, exit);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM api_keys"));
    }
}
