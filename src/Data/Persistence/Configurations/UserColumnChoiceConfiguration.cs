using Admin.Data.Preferences;
using Admin.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>One row per person and list; removed with the account.</summary>
public sealed class UserColumnChoiceConfiguration : IEntityTypeConfiguration<UserColumnChoice>
{
    public const string Table = "user_column_choices";

    public void Configure(EntityTypeBuilder<UserColumnChoice> b)
    {
        b.ToTable(Table);
        b.HasKey(x => new { x.UserId, x.List });
        b.Property(x => x.List).HasMaxLength(64);
        b.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        b.HasOne<AdminUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
