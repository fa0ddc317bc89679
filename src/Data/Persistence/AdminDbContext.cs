using Admin.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Persistence;

public class AdminDbContext(DbContextOptions<AdminDbContext> options) : DbContext(options)
{
    public DbSet<HealthCheck> HealthChecks => Set<HealthCheck>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<VaccineRegistration> VaccineRegistrations => Set<VaccineRegistration>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AdminDbContext).Assembly);
    }
}
