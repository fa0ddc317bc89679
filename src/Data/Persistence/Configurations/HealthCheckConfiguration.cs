using Admin.Data.Domain;
using Admin.Data.Entities;
using Admin.Data.Listing.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>
/// The health_checks table. Every index below exists because a named query needs it (README, "Indexes"):
/// the grid pages by keyset on (timestamp DESC, id DESC), so each filter's index ends with that ordering,
/// letting one index serve the predicate and the order together (NOTES §4: the "rare predicate" trap).
/// </summary>
public sealed class HealthCheckConfiguration : IEntityTypeConfiguration<HealthCheck>
{
    public const string Table = "health_checks";
    public const string CreatedXid = "CreatedXid";

    public void Configure(EntityTypeBuilder<HealthCheck> b)
    {
        b.ToTable(Table, t =>
        {
            t.HasCheckConstraint("ck_health_checks_msisdn", PhoneNumberCheck.For("msisdn"));
            t.HasCheckConstraint("ck_health_checks_household", "rooms_in_household >= 0 AND persons_in_household >= 0");
            t.HasCheckConstraint("ck_health_checks_latitude", "latitude BETWEEN -90 AND 90 AND city_latitude BETWEEN -90 AND 90");
            t.HasCheckConstraint("ck_health_checks_longitude", "longitude BETWEEN -180 AND 180 AND city_longitude BETWEEN -180 AND 180");
        });
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();

        b.Property(x => x.DeduplicationId).HasMaxLength(255).UseCollation("C");
        // "C" collation makes the plain btree usable for LIKE 'prefix%' and range scans (NOTES §4).
        b.Property(x => x.Msisdn).HasMaxLength(32).UseCollation("C");
        b.Property(x => x.FirstName).HasMaxLength(255);
        b.Property(x => x.LastName).HasMaxLength(255);
        b.Property(x => x.Source).HasMaxLength(50);
        b.Property(x => x.City).HasMaxLength(255);
        b.Property(x => x.CreatedBy).HasMaxLength(255);
        b.Property(x => x.Data).HasColumnType("jsonb");
        b.Ignore(x => x.RiskInputs);
        // Filled by PostgreSQL: the column default on insert (also under COPY), trigger set_change_xid on update.
        b.Property(x => x.ChangeXid).HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAddOrUpdate();
        b.Property(x => x.Version).IsRowVersion();
        // The transaction that inserted the row, never changed afterwards: an exact count from the rollups adds the rows
        // whose creator the last refresh's snapshot could not see (CountSql). Rows older than the column are NULL (old).
        b.Property<ulong?>(CreatedXid).HasColumnName("created_xid").HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();

        b.Property(x => x.Province).HasCode(b, Table, "province");
        b.Property(x => x.Age).HasCode(b, Table, "age");
        b.Property(x => x.Gender).HasCode(b, Table, "gender");
        b.Property(x => x.PlaceOfWork).HasCode(b, Table, "place_of_work");
        b.Property(x => x.Exposure).HasCode(b, Table, "exposure");
        b.Property(x => x.PreexistingCondition).HasCode(b, Table, "preexisting_condition");
        b.Property(x => x.Risk).HasCode(b, Table, "risk");
        b.Property(x => x.DistrictCode).HasMaxLength(8);

        b.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictCode).OnDelete(DeleteBehavior.Restrict);

        // Sizes (docs/scale.md): indexes are two thirds of the table's bytes. Indexes whose inserts come in time or id order
        // are packed full (fillfactor 100): history is not rewritten, so free space left in two years of leaves is waste.
        // Indexes led by risk or source leave out the common value (FilterDefinition.Common), a fifth of their size.
        var risk = Filter("risk").IndexPredicateSql;
        var source = Filter("source").IndexPredicateSql;

        // Idempotent writes and the "deduplication id" search (random order: default fillfactor).
        b.HasIndex(x => x.DeduplicationId).IsUnique().HasDatabaseName("ux_health_checks_deduplication_id");
        // The default list: newest first, keyset paging, jump to a date, jump to either end.
        b.HasIndex(x => new { x.Timestamp, x.Id }).IsDescending(true, true).Packed().HasDatabaseName("ix_health_checks_timestamp_id");
        // Phone number exact and prefix search (range on a "C" btree), one user's other checks: a number matches a handful
        // of rows, sorted after matching (HealthCheckList's "phone" ordering), so the key is the number alone and repeats
        // of it share one entry (btree deduplication).
        b.HasIndex(x => x.Msisdn, "ix_health_checks_msisdn").HasDatabaseName("ix_health_checks_msisdn");
        // Phone number contains-search ("%8212345%"): a GIN index on the number's 5-digit windows (PhoneWindowsSql), an
        // expression index EF cannot declare, so its migration (PhoneNumberWindows) creates it from PhoneWindowsSql.Create.
        // Filter by province; by province and risk.
        b.HasIndex(x => new { x.Province, x.Timestamp, x.Id }).IsDescending(false, true, true).Packed().HasDatabaseName("ix_health_checks_province_timestamp_id");
        b.HasIndex(x => new { x.Province, x.Risk, x.Timestamp, x.Id }).IsDescending(false, false, true, true).HasFilter(risk).Packed().HasDatabaseName("ix_health_checks_province_risk_timestamp_id");
        // Filter by district; by district and risk (the first also serves the foreign key).
        b.HasIndex(x => new { x.DistrictCode, x.Timestamp, x.Id }).IsDescending(false, true, true).Packed().HasDatabaseName("ix_health_checks_district_timestamp_id");
        b.HasIndex(x => new { x.DistrictCode, x.Risk, x.Timestamp, x.Id }).IsDescending(false, false, true, true).HasFilter(risk).Packed().HasDatabaseName("ix_health_checks_district_risk_timestamp_id");
        // Filter by risk alone; by source.
        b.HasIndex(x => new { x.Risk, x.Timestamp, x.Id }).IsDescending(false, true, true).HasFilter(risk).Packed().HasDatabaseName("ix_health_checks_risk_timestamp_id");
        b.HasIndex(x => new { x.Source, x.Timestamp, x.Id }).IsDescending(false, true, true).HasFilter(source).Packed().HasDatabaseName("ix_health_checks_source_timestamp_id");
        // The API's change feed: commit-safe cursor order (HealthCheck.ChangeXid); new rows come last.
        b.HasIndex(x => new { x.ChangeXid, x.Id }).Packed().HasDatabaseName("ix_health_checks_change_xid_id");
    }

    private static FilterDefinition Filter(string name) => HealthCheckList.Definition.Filters.Single(f => f.Name == name);
}

internal static class PackedIndexes
{
    /// <summary>Leaves no free space in the leaves when the index is built (fillfactor 100).</summary>
    public static IndexBuilder<T> Packed<T>(this IndexBuilder<T> index) => (IndexBuilder<T>)index.HasStorageParameter("fillfactor", 100);
}
