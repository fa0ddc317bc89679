using Admin.Data.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Admin.Data.Persistence.Configurations;

public sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public const string Table = "export_jobs";

    public void Configure(EntityTypeBuilder<ExportJob> b)
    {
        b.ToTable(Table, t =>
        {
            t.HasCheckConstraint("ck_export_jobs_format", "format IN ('csv', 'ndjson')");
            t.HasCheckConstraint("ck_export_jobs_status", "status IN ('queued', 'running', 'done', 'failed', 'cancelled')");
        });
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OwnerId).HasMaxLength(64);
        b.Property(x => x.OwnerName).HasMaxLength(256);
        b.Property(x => x.Role).HasMaxLength(16);
        b.Property(x => x.List).HasMaxLength(64);
        b.Property(x => x.Query).HasMaxLength(2048);
        b.Property(x => x.Format).HasMaxLength(8);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.FilePath).HasMaxLength(1024);
        b.Property(x => x.Error).HasMaxLength(1024);
        // A person's exports, newest first; the worker picks queued jobs.
        b.HasIndex(x => new { x.OwnerId, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_export_jobs_owner_created");
        b.HasIndex(x => new { x.Status, x.CreatedAt }).HasDatabaseName("ix_export_jobs_status_created");
    }
}
