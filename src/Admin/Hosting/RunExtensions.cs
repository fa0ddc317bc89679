using Microsoft.AspNetCore.Connections;

namespace Admin.Hosting;

public static class RunExtensions
{
    /// <summary>
    /// Runs the app; a port that is already taken (the app's own or the metrics endpoint's) ends it with one line that
    /// says which and what to set, and exit code 2, not a host start-up stack trace.
    /// </summary>
    public static async Task<int> RunAdminAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            var hint = ex.Message.Contains("metrics", StringComparison.Ordinal) ? "" : " Start it on another with ASPNETCORE_URLS or --urls.";
            await Console.Error.WriteLineAsync($"Admin did not start: {ex.Message}{hint}");
            return 2;
        }
    }
}
