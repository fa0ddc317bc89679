using Admin.Data.ApiKeys;
using Admin.Data.Audit;
using Admin.Data.Entities;
using Admin.Data.Exports;
using Admin.Data.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Persistence;

/// <summary>One database for records, accounts (Identity), the audit trail and the Data Protection key ring.</summary>
public class AdminDbContext(DbContextOptions<AdminDbContext> options) : IdentityDbContext<AdminUser>(options), IDataProtectionKeyContext
{
    public DbSet<HealthCheck> HealthChecks => Set<HealthCheck>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<VaccineRegistration> VaccineRegistrations => Set<VaccineRegistration>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Preferences.UserColumnChoice> UserColumnChoices => Set<Preferences.UserColumnChoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Identity names its tables AspNet*; the rest of the schema is snake_case.
        modelBuilder.Entity<AdminUser>().ToTable("users");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRole>().ToTable("roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("user_roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("user_tokens");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("role_claims");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AdminDbContext).Assembly);
    }
}
