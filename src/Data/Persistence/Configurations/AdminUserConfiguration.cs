using Admin.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>Identity's own tables keep Identity's keys and indexes; this adds the columns Admin needs.</summary>
public sealed class AdminUserConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> b)
    {
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
