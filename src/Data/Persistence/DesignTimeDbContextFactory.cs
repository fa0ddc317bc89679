using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Admin.Data.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database or the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AdminDbContext>
{
    public AdminDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AdminDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, "Host=localhost;Database=admin_design");
        return new AdminDbContext(options.Options);
    }
}
