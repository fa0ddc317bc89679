using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Bulk;

/// <summary>Nullable column values for binary COPY: the value typed, or a NULL, never a boxed object.</summary>
internal static class CopyValues
{
    public static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Varchar);
    }

    public static void Double(NpgsqlBinaryImporter w, double? value)
    {
        if (value is { } v) w.Write(v, NpgsqlDbType.Double);
        else w.WriteNull();
    }

    public static void Bool(NpgsqlBinaryImporter w, bool? value)
    {
        if (value is { } v) w.Write(v, NpgsqlDbType.Boolean);
        else w.WriteNull();
    }

    public static void Int(NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } v) w.Write(v, NpgsqlDbType.Integer);
        else w.WriteNull();
    }

    public static void Code<T>(NpgsqlBinaryImporter w, T? value) where T : struct, Enum
    {
        if (value is { } v) w.Write(EnumCodes<T>.Of(v), NpgsqlDbType.Varchar);
        else w.WriteNull();
    }
}
