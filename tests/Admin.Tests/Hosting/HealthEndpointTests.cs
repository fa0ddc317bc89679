using System.Net;

namespace Admin.Tests.Hosting;

public sealed class HealthEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Live_answers_ok()
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_ok_when_the_database_answers()
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
