using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Admin.Data.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Columns;

/// <summary>
/// How a CLR value of type <typeparamref name="T"/> is stored in a PostgreSQL column: its type, and the typed
/// conversions each path needs (binary COPY by hand and through Npgsql, an INSERT parameter, a data reader, the
/// audit snapshot, the wire form the API and the edit form carry). Changing how a kind of value is stored (say, closed
/// sets as smallint codes) is a change to one of these classes; every path follows.
/// </summary>
public abstract class ColumnType<T>
{
    public abstract NpgsqlDbType DbType { get; }

    /// <summary>Appends the value in the binary COPY format; reserves its own bytes.</summary>
    internal abstract void Encode(CopyBuffer b, T value);

    internal abstract void Write(NpgsqlBinaryImporter w, T value);

    internal abstract T Read(NpgsqlDataReader r, int ordinal);

    /// <summary>The value as an INSERT parameter takes it (a single-row write: boxing is fine here).</summary>
    internal virtual object? DbValue(T value) => value;

    /// <summary>The value in an edit's audit snapshot, compared as JSON.</summary>
    public virtual JsonNode? Json(T value) => JsonValue.Create(value);

    /// <summary>
    /// T → the form the API and the edit form carry (a closed set's code), as an expression so that projections
    /// compile it inline; null when the value travels as it is.
    /// </summary>
    public virtual LambdaExpression? Wire => null;
}

/// <summary>A value type that may also be stored as NULL: <see cref="OrNull"/> is the nullable column of the same storage.</summary>
public abstract class ValueColumnType<T> : ColumnType<T> where T : struct
{
    private NullableColumnType<T>? _orNull;

    public ColumnType<T?> OrNull => _orNull ??= new NullableColumnType<T>(this);
}

internal sealed class NullableColumnType<T>(ColumnType<T> inner) : ColumnType<T?> where T : struct
{
    public override NpgsqlDbType DbType => inner.DbType;

    internal override void Encode(CopyBuffer b, T? value)
    {
        if (value is { } v) inner.Encode(b, v);
        else { b.Reserve(4); b.Null(); }
    }

    internal override void Write(NpgsqlBinaryImporter w, T? value)
    {
        if (value is { } v) inner.Write(w, v);
        else w.WriteNull();
    }

    internal override T? Read(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : inner.Read(r, ordinal);

    internal override object? DbValue(T? value) => value is { } v ? inner.DbValue(v) : null;

    public override JsonNode? Json(T? value) => value is { } v ? inner.Json(v) : null;

    public override LambdaExpression? Wire { get; } = Lift(inner.Wire);

    // (T v) => f(v) becomes (T? v) => v.HasValue ? f(v.Value) : null.
    private static LambdaExpression? Lift(LambdaExpression? wire)
    {
        if (wire is null) return null;
        var p = Expression.Parameter(typeof(T?), "v");
        var result = wire.ReturnType.IsValueType ? typeof(Nullable<>).MakeGenericType(wire.ReturnType) : wire.ReturnType;
        var body = Expression.Condition(
            Expression.Property(p, nameof(Nullable<T>.HasValue)),
            Expression.Convert(Expression.Invoke(wire, Expression.Property(p, nameof(Nullable<T>.Value))), result),
            Expression.Constant(null, result));
        return Expression.Lambda(body, p);
    }
}
