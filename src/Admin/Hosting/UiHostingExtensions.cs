using Admin.Security;
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
        // Unknown addresses get the app's Not found page (in the layout, status 404), not the browser's bare error.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAdminApiErrors(); // ...except under /api: problem details there, never HTML
        app.UseAdminSecurity();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapAdminUi(this WebApplication app)
    {
        // Scripts and styles carry nothing personal, and the login page needs them before anyone logs in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<Ui.App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        return app;
    }
}
