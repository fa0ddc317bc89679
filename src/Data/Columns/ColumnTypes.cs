using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Admin.Data.Bulk;
using Admin.Data.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Columns;

/// <summary>The storages a column can have. Text and jsonb take null as they are; value types have <c>.OrNull</c>.</summary>
public static class ColumnTypes
{
    public static readonly ValueColumnType<Guid> Uuid = new UuidType();
    /// <summary>varchar (its length is the EF configuration's and the validator's), NULL for null.</summary>
    public static readonly ColumnType<string?> Varchar = new TextType(NpgsqlDbType.Varchar);
    /// <summary>varchar whose values repeat across rows (a source, a district, a name): rows read share one instance of each.</summary>
    public static readonly ColumnType<string?> RepeatedVarchar = new TextType(NpgsqlDbType.Varchar, new SharedStrings());
    /// <summary>jsonb, carried as its JSON text.</summary>
    public static readonly ColumnType<string?> Jsonb = new TextType(NpgsqlDbType.Jsonb);
    public static readonly ValueColumnType<bool> Bool = new BooleanType();
    public static readonly ValueColumnType<int> Integer = new IntegerType();
    public static readonly ValueColumnType<double> Float8 = new DoubleType();
    public static readonly ValueColumnType<DateOnly> Date = new DateType();
    /// <summary>timestamptz, written in UTC (Npgsql refuses other offsets).</summary>
    public static readonly ValueColumnType<DateTimeOffset> TimestampTz = new TimestampTzType();
    /// <summary>Transaction ids PostgreSQL writes (xid8, xid): read, never written by the app.</summary>
    public static readonly ValueColumnType<ulong> Xid8 = new ServerType<ulong>(NpgsqlDbType.Xid8);
    public static readonly ValueColumnType<uint> Xid = new ServerType<uint>(NpgsqlDbType.Xid);

    /// <summary>A closed set stored as its text code (<see cref="CodeAttribute"/>), checked by a CHECK constraint.</summary>
    public static ValueColumnType<T> Code<T>() where T : struct, Enum => CodeType<T>.Instance;

    private sealed class UuidType : ValueColumnType<Guid>
    {
        public override NpgsqlDbType DbType => NpgsqlDbType.Uuid;
        internal override void Encode(CopyBuffer b, Guid value) { b.Reserve(20); b.Uuid(value); }
        internal override void Write(NpgsqlBinaryImporter w, Guid value) => w.Write(value, NpgsqlDbType.Uuid);
        internal override Guid Read(NpgsqlDataReader r, int ordinal) => r.GetGuid(ordinal);
    }

    // varchar and jsonb alike: text on the client; jsonb's binary form is a version byte before the text.
    private sealed class TextType(NpgsqlDbType type, SharedStrings? shared = null) : ColumnType<string?>
    {
        private readonly bool _json = type == NpgsqlDbType.Jsonb;
        public override NpgsqlDbType DbType => type;
        // UTF-8 takes at most 3 bytes per UTF-16 char.
        internal override void Encode(CopyBuffer b, string? value)
        {
            b.Reserve(5 + 3 * (value?.Length ?? 0));
            if (_json) b.Jsonb(value);
            else b.Text(value);
        }
        internal override void Write(NpgsqlBinaryImporter w, string? value)
        {
            if (value is null) w.WriteNull();
            else w.Write(value, type);
        }
        internal override string? Read(NpgsqlDataReader r, int ordinal) =>
            r.IsDBNull(ordinal) ? null : shared is null ? r.GetString(ordinal) : shared.Share(r.GetString(ordinal));
        // jsonb is compared by JSON value, not by spelling (PostgreSQL reformats it).
        public override JsonNode? Json(string? value) => _json && value is not null ? JsonNode.Parse(value) : JsonValue.Create(value);
    }

    private sealed class BooleanType : ValueColumnType<bool>
    {
        public override NpgsqlDbType DbType => NpgsqlDbType.Boolean;
        internal override void Encode(CopyBuffer b, bool value) { b.Reserve(5); b.Bool(value); }
        internal override void Write(NpgsqlBinaryImporter w, bool value) => w.Write(value, NpgsqlDbType.Boolean);
        internal override bool Read(NpgsqlDataReader r, int ordinal) => r.GetBoolean(ordinal);
    }

    private sealed class IntegerType : ValueColumnType<int>
    {
        public override NpgsqlDbType DbType => NpgsqlDbType.Integer;
        internal override void Encode(CopyBuffer b, int value) { b.Reserve(8); b.Int(value); }
        internal override void Write(NpgsqlBinaryImporter w, int value) => w.Write(value, NpgsqlDbType.Integer);
        internal override int Read(NpgsqlDataReader r, int ordinal) => r.GetInt32(ordinal);
    }

    private sealed class DoubleType : ValueColumnType<double>
    {
        public override NpgsqlDbType DbType => NpgsqlDbType.Double;
        internal override void Encode(CopyBuffer b, double value) { b.Reserve(12); b.Double(value); }
        internal override void Write(NpgsqlBinaryImporter w, double value) => w.Write(value, NpgsqlDbType.Double);
        internal override double Read(NpgsqlDataReader r, int ordinal) => r.GetDouble(ordinal);
    }

    private sealed class DateType : ValueColumnType<DateOnly>
    {
        public override NpgsqlDbType DbType => NpgsqlDbType.Date;
        internal override void Encode(CopyBuffer b, DateOnly value) { b.Reserve(8); b.Date(value); }
        internal override void Write(NpgsqlBinaryImporter w, DateOnly value) => w.Write(value, NpgsqlDbType.Date);
        internal override DateOnly Read(NpgsqlDataReader r, int ordinal) => r.GetFieldValue<DateOnly>(ordinal);
        public override JsonNode? Json(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed class TimestampTzType : ValueColumnType<DateTimeOffset>
    {
        public override NpgsqlDbType DbType => NpgsqlDbType.TimestampTz;
        internal override void Encode(CopyBuffer b, DateTimeOffset value) { b.Reserve(12); b.TimestampTz(value); }
        internal override void Write(NpgsqlBinaryImporter w, DateTimeOffset value) => w.Write(value.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        internal override DateTimeOffset Read(NpgsqlDataReader r, int ordinal) => r.GetFieldValue<DateTimeOffset>(ordinal);
        internal override object? DbValue(DateTimeOffset value) => value.ToUniversalTime();
        public override JsonNode? Json(DateTimeOffset value) =>
            value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }

    private sealed class ServerType<T>(NpgsqlDbType type) : ValueColumnType<T> where T : struct
    {
        public override NpgsqlDbType DbType => type;
        internal override void Encode(CopyBuffer b, T value) => throw new NotSupportedException($"{type} columns are PostgreSQL's to write.");
        internal override void Write(NpgsqlBinaryImporter w, T value) => throw new NotSupportedException($"{type} columns are PostgreSQL's to write.");
        internal override T Read(NpgsqlDataReader r, int ordinal) => r.GetFieldValue<T>(ordinal);
    }

    private sealed class CodeType<T> : ValueColumnType<T> where T : struct, Enum
    {
        public static readonly CodeType<T> Instance = new();
        private static readonly int MaxBytes = 4 + 3 * Codes<T>.AllCodes.Max(c => c.Length);

        public override NpgsqlDbType DbType => NpgsqlDbType.Varchar;
        internal override void Encode(CopyBuffer b, T value) { b.Reserve(MaxBytes); b.Text(EnumCodes<T>.Of(value)); }
        internal override void Write(NpgsqlBinaryImporter w, T value) => w.Write(EnumCodes<T>.Of(value), NpgsqlDbType.Varchar);
        internal override T Read(NpgsqlDataReader r, int ordinal) => Codes<T>.Parse(r.GetString(ordinal));
        internal override object? DbValue(T value) => Codes<T>.ToCode(value);
        public override JsonNode? Json(T value) => Codes<T>.ToCode(value);
        public override LambdaExpression? Wire { get; } = (Expression<Func<T, string>>)(v => Codes<T>.ToCode(v));
    }
}
