using MudBlazor.Services;

namespace Admin.Hosting;

public static class UiHostingExtensions
{
    public static IHostApplicationBuilder AddAdminUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication UseAdminPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapAdminUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<Ui.App>().AddInteractiveServerRenderMode();
        return app;
    }
}
