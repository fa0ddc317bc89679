using Admin.Security;
using Admin.Ui.Hotspots;
using MudBlazor.Services;

namespace Admin.Hosting;

public static class UiHostingExtensions
{
    public static IHostApplicationBuilder AddAdminUi(this IHostApplicationBuilder builder)
    {
        // Detailed circuit errors would show exception text in the browser: Development only. The SignalR receive limit
        // stays at its 32 KB default (no component here needs bigger messages; bigger ones are a cheap DoS).
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddMudServices();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<Ui.Layout.ThemePreference>();
        builder.Services.AddSingleton<Ui.Overview.OverviewLoader>();
        builder.Services.AddSingleton<Ui.Records.ColumnPreferences>();
        return builder;
    }

    public static WebApplication UseAdminPipeline(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        // Unknown addresses get the app's Not found page (in the layout, status 404), not the browser's bare error.
        app.UseAdminRequestLogs();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAdminApiCompression(); // API JSON only (pages carry anti-forgery tokens: BREACH)
        app.UseAdminApiErrors(); // ...except under /api: problem details there, never HTML
        app.UseAdminSecurity();
        app.UseAntiforgery();
        app.UseCircuitSocketOffer();
        return app;
    }

    public static WebApplication MapAdminUi(this WebApplication app)
    {
        // Scripts and styles carry nothing personal, and the login page needs them before anyone logs in.
        app.MapStaticAssets().AllowAnonymous();
        var compress = CircuitSocket.Compress(app.Configuration);
        app.MapRazorComponents<Ui.App>().AddInteractiveServerRenderMode(o => CircuitSocket.Configure(o, compress));
        app.MapAccountEndpoints();
        app.MapHotspotCells();
        return app;
    }
}
