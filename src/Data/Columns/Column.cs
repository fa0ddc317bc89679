using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Admin.Data.Columns;

/// <summary>Who writes a column's value.</summary>
public enum ColumnWriter
{
    /// <summary>Clients and admins: inserted, edited, in the audit snapshot, carried by the input.</summary>
    Client,
    /// <summary>The server computes it (e.g. risk): inserted, edited and audited, but never taken from the input.</summary>
    Computed,
    /// <summary>Set once on insert (the id): neither edited nor audited.</summary>
    Key,
    /// <summary>PostgreSQL writes it (transaction ids): read only.</summary>
    Database,
}

/// <summary>One column of an entity's table, untyped: what the table-wide paths loop over.</summary>
public abstract class Column<TEntity>
{
    private protected Column(string name, string label, ColumnWriter writer, PropertyInfo property)
    {
        Name = name;
        Label = label;
        Writer = writer;
        Property = property;
    }

    /// <summary>snake_case: the column, the API field and the validation error key.</summary>
    public string Name { get; }
    public string Label { get; }
    public ColumnWriter Writer { get; }
    public PropertyInfo Property { get; }
    public abstract Type ValueType { get; }
    public abstract NpgsqlTypes.NpgsqlDbType DbType { get; }

    /// <summary>In INSERT and COPY rows.</summary>
    public bool IsInserted => Writer != ColumnWriter.Database;
    /// <summary>Copied by an edit, recorded in its audit snapshot.</summary>
    public bool IsEdited => Writer is ColumnWriter.Client or ColumnWriter.Computed;

    /// <summary>(entity) => the value in its wire form (codes for closed sets).</summary>
    public abstract Expression WireOf(Expression entity);

    internal abstract Expression EncodeCall(Expression buffer, Expression entity);
    internal abstract Expression WriteCall(Expression importer, Expression entity);
    internal abstract MemberAssignment ReadBinding(Expression reader, Expression ordinal);
    internal abstract NpgsqlParameter Parameter(TEntity row);
    public abstract JsonNode? Json(TEntity row);
    /// <summary>Copies this column's value from one entity to another.</summary>
    public abstract void Copy(TEntity from, TEntity to);
}

/// <summary>A typed column: typed getter and setter, typed storage, no boxing on the COPY and read paths.</summary>
public sealed class Column<TEntity, T> : Column<TEntity>
{
    internal Column(string name, string label, ColumnWriter writer, Expression<Func<TEntity, T>> getter, ColumnType<T> type)
        : base(name, label, writer, PropertyOf(getter))
    {
        Type = type;
        Getter = getter;
        Get = getter.Compile();
        var entity = Expression.Parameter(typeof(TEntity), "x");
        var value = Expression.Parameter(typeof(T), "v");
        Set = Expression.Lambda<Action<TEntity, T>>(Expression.Assign(Expression.Property(entity, Property), value), entity, value).Compile();
    }

    public ColumnType<T> Type { get; }
    public Expression<Func<TEntity, T>> Getter { get; }
    public Func<TEntity, T> Get { get; }
    public Action<TEntity, T> Set { get; }
    public override Type ValueType => typeof(T);
    public override NpgsqlTypes.NpgsqlDbType DbType => Type.DbType;

    private Expression ValueOf(Expression entity) => Expression.Property(entity, Property);

    public override Expression WireOf(Expression entity) =>
        Type.Wire is { } wire ? Expression.Invoke(wire, ValueOf(entity)) : ValueOf(entity);

    internal override Expression EncodeCall(Expression buffer, Expression entity) =>
        Expression.Call(Expression.Constant(Type, typeof(ColumnType<T>)), EncodeMethod, buffer, ValueOf(entity));

    internal override Expression WriteCall(Expression importer, Expression entity) =>
        Expression.Call(Expression.Constant(Type, typeof(ColumnType<T>)), WriteMethod, importer, ValueOf(entity));

    internal override MemberAssignment ReadBinding(Expression reader, Expression ordinal) =>
        Expression.Bind(Property, Expression.Call(Expression.Constant(Type, typeof(ColumnType<T>)), ReadMethod, reader, ordinal));

    internal override NpgsqlParameter Parameter(TEntity row) =>
        new() { Value = Type.DbValue(Get(row)) ?? DBNull.Value, NpgsqlDbType = Type.DbType };

    public override JsonNode? Json(TEntity row) => Type.Json(Get(row));

    public override void Copy(TEntity from, TEntity to) => Set(to, Get(from));

    private static readonly MethodInfo EncodeMethod = Method(nameof(ColumnType<T>.Encode));
    private static readonly MethodInfo WriteMethod = Method(nameof(ColumnType<T>.Write));
    private static readonly MethodInfo ReadMethod = Method(nameof(ColumnType<T>.Read));

    private static MethodInfo Method(string name) =>
        typeof(ColumnType<T>).GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!;

    private static PropertyInfo PropertyOf(Expression<Func<TEntity, T>> getter) =>
        getter.Body is MemberExpression { Member: PropertyInfo p } m && m.Expression == getter.Parameters[0]
            ? p
            : throw new ArgumentException($"A column's getter reads one property of {typeof(TEntity).Name} (x => x.Name), not {getter}.", nameof(getter));

    /// <summary>snake_case of a property name: the schema's naming convention (EFCore.NamingConventions).</summary>
    internal static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
