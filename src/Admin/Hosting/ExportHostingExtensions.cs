using Admin.Data.Exports;
using Admin.Exports;

namespace Admin.Hosting;

public static class ExportHostingExtensions
{
    /// <summary>Record exports (download now, or background jobs with progress) and the managers' aggregate export.</summary>
    public static IHostApplicationBuilder AddAdminExports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExports(builder.Configuration);
        builder.Services.AddExportWorker();
        builder.Services.AddScoped<ExportRequests>();
        return builder;
    }
}
