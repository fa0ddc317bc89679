using Admin.Data;

namespace Admin.Hosting;

public static class DataHostingExtensions
{
    public static IHostApplicationBuilder AddAdminData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAdminData(builder.Configuration);
        return builder;
    }
}
