using Admin.Cli;
using Admin.Exports;
using Admin.Hosting;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddAdminObservability();
builder.AddAdminData();
builder.AddAdminSecurity();
builder.AddAdminListing();
builder.AddAdminHealthChecks();
builder.AddAdminUi();
builder.AddAdminHotspots();
builder.AddAdminApi();
builder.AddAdminExports();
builder.AddAdminCluster();

var app = builder.Build();

app.UseAdminForwardedHeaders();
app.UseAdminPipeline();
app.MapAdminHealthChecks();
app.MapAdminApi();
app.MapAdminUi();
app.MapAdminExports();

return await app.RunAdminAsync();

public partial class Program;
