using Admin.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

/// <summary>
/// The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, and the app's role holds neither
/// privilege; migration AddSecurity). It grows like the records do, so it is listed the same way: keyset on (at, id),
/// with one index per filter ending in that ordering.
/// </summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string Table = "audit_entries";

    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable(Table);
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.At).HasDefaultValueSql("now()");
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(32).UseCollation("C");
        b.Property(x => x.TableName).HasMaxLength(64);
        b.Property(x => x.RecordId).HasMaxLength(64).UseCollation("C");
        b.Property(x => x.Query).HasMaxLength(2048);
        b.Property(x => x.Detail).HasColumnType("jsonb");
        b.Property(x => x.ClientAddress).HasMaxLength(64);

        // Newest first.
        b.HasIndex(x => new { x.At, x.Id }).IsDescending(true, true).HasDatabaseName("ix_audit_entries_at_id");
        // Filter by action; by person; one record's history.
        b.HasIndex(x => new { x.Action, x.At, x.Id }).IsDescending(false, true, true).HasDatabaseName("ix_audit_entries_action_at_id");
        b.HasIndex(x => new { x.ActorName, x.At, x.Id }).IsDescending(false, true, true).HasDatabaseName("ix_audit_entries_actor_at_id");
        b.HasIndex(x => new { x.RecordId, x.At, x.Id }).IsDescending(false, true, true).HasDatabaseName("ix_audit_entries_record_at_id");
    }
}
