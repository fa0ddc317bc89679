using Admin.Data.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public const string Table = "api_keys";

    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable(Table, t => t.HasCheckConstraint("ck_api_keys_role", "role IN ('Admin', 'Analyst', 'Manager')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Prefix).HasMaxLength(16).UseCollation("C");
        b.Property(x => x.Scopes).HasMaxLength(64);
        b.Property(x => x.Role).HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        // Every call looks its key up by prefix.
        b.HasIndex(x => x.Prefix).IsUnique().HasDatabaseName("ux_api_keys_prefix");
    }
}
