using Admin.Data.Entities;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Tests.Ui;

/// <summary>The HealthChecks list page rendered at an address (its popovers need a provider beside it).</summary>
internal static class RecordsPageAt
{
    public static IRenderedComponent<Bunit.Rendering.ContainerFragment> Render(BunitContext ctx, string url)
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx.Render(b =>
        {
            b.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<Records>(1);
            b.AddAttribute(2, nameof(Records.Slug), HealthCheckList.Slug);
            b.CloseComponent();
        });
    }
}
