using Admin.Data;

namespace Admin.Hosting;

public static class DataHostingExtensions
{
    public static IHostApplicationBuilder AddAdminData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAdminData(builder.Configuration);
        return builder;
    }

    /// <summary>The web host refuses to start when a list offers what no index serves, and warms its pools' first connections.</summary>
    public static IHostApplicationBuilder AddAdminListing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIndexCoverageCheck();
        builder.Services.AddPoolWarmup();
        return builder;
    }
}
