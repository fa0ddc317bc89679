using Admin.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Admin.Data.Persistence;

/// <summary>Stores closed-set enums as their codes (text), with a CHECK constraint so SQL writers cannot add other values.</summary>
internal static class CodeConversions
{
    public static PropertyBuilder<T> HasCode<T>(this PropertyBuilder<T> property, EntityTypeBuilder entity, string table, string column)
        where T : struct, Enum
    {
        property.HasConversion(new ValueConverter<T, string>(v => Codes<T>.ToCode(v), s => Codes<T>.Parse(s)))
            .HasMaxLength(Codes<T>.AllCodes.Max(c => c.Length));
        entity.ToTable(t => t.HasCheckConstraint($"ck_{table}_{column}", Codes<T>.CheckSql(column)));
        return property;
    }

    public static PropertyBuilder<T?> HasCode<T>(this PropertyBuilder<T?> property, EntityTypeBuilder entity, string table, string column)
        where T : struct, Enum
    {
        property.HasConversion(new ValueConverter<T?, string?>(
                v => v.HasValue ? Codes<T>.ToCode(v.Value) : null,
                s => s == null ? null : Codes<T>.Parse(s)))
            .HasMaxLength(Codes<T>.AllCodes.Max(c => c.Length));
        entity.ToTable(t => t.HasCheckConstraint($"ck_{table}_{column}", Codes<T>.CheckSql(column)));
        return property;
    }
}
