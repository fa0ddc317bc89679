using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

public sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public const string Table = "districts";

    public void Configure(EntityTypeBuilder<District> b)
    {
        b.ToTable(Table);
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(8);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Province).HasCode(b, Table, "province");
        // The district list is small and fixed: shipped with the schema, not with the demo data.
        b.HasData(Districts.All);
    }
}
