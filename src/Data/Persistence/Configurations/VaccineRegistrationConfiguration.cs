using Admin.Data.Domain;
using Admin.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

public sealed class VaccineRegistrationConfiguration : IEntityTypeConfiguration<VaccineRegistration>
{
    public const string Table = "vaccine_registrations";

    public void Configure(EntityTypeBuilder<VaccineRegistration> b)
    {
        b.ToTable(Table, t => t.HasCheckConstraint("ck_vaccine_registrations_mobile_number", PhoneNumberCheck.For("mobile_number")));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.Surname).HasMaxLength(100);
        b.Property(x => x.MobileNumber).HasMaxLength(32).UseCollation("C");
        b.Property(x => x.Gender).HasCode(b, Table, "gender");
        b.Property(x => x.Province).HasCode(b, Table, "province");

        // The default list: newest first, keyset paging.
        b.HasIndex(x => new { x.CreatedAt, x.Id }).IsDescending(true, true).HasDatabaseName("ix_vaccine_registrations_created_at_id");
        // Mobile number exact and prefix search.
        b.HasIndex(x => new { x.MobileNumber, x.CreatedAt, x.Id }).IsDescending(false, true, true).HasDatabaseName("ix_vaccine_registrations_mobile_number_created_at_id");
        // Filter by province.
        b.HasIndex(x => new { x.Province, x.CreatedAt, x.Id }).IsDescending(false, true, true).HasDatabaseName("ix_vaccine_registrations_province_created_at_id");
        // Surname contains-search.
        b.HasIndex(x => x.Surname).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_vaccine_registrations_surname_trgm");
    }
}
