using System.Collections;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Admin.Data.Bulk;
using Npgsql;

namespace Admin.Data.Columns;

/// <summary>
/// An entity's table declared once, column by column (see <c>Entities/HealthCheckColumns</c>); the paths that list
/// every column are derived from it: the COPY column list and row encoders, INSERT parameters, the row reader, the
/// edit's copy and audit snapshot, and projections onto DTOs (<see cref="Projection"/>). Row paths are compiled once
/// into typed delegates: per row there is no reflection and no boxing.
/// </summary>
public sealed class ColumnTable<TEntity> : IReadOnlyList<Column<TEntity>> where TEntity : new()
{
    private readonly IReadOnlyList<Column<TEntity>> _all;
    private readonly Column<TEntity>[] _edited;

    private ColumnTable(string table, IReadOnlyList<Column<TEntity>> columns)
    {
        Name = table;
        _all = columns;
        Inserted = columns.Where(c => c.IsInserted).ToArray();
        _edited = columns.Where(c => c.IsEdited).ToArray();
        InsertedNames = Inserted.Select(c => c.Name).ToArray();
        Encode = CompileRow<CopyBuffer>((b, x) => Inserted.Select(c => c.EncodeCall(b, x)),
            (b, n) => Expression.Block(
                Expression.Call(b, typeof(CopyBuffer).GetMethod(nameof(CopyBuffer.Reserve))!, Expression.Constant(2)),
                Expression.Call(b, typeof(CopyBuffer).GetMethod(nameof(CopyBuffer.StartRow))!, Expression.Constant((short)n))));
        Write = CompileRow<NpgsqlBinaryImporter>((w, x) => Inserted.Select(c => c.WriteCall(w, x)),
            (w, _) => Expression.Call(w, typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.StartRow))!));
        _read = CompileReader(columns);
    }

    /// <summary>The table's name in SQL.</summary>
    public string Name { get; }

    /// <summary>The columns a new row carries, in COPY and INSERT order.</summary>
    public IReadOnlyList<Column<TEntity>> Inserted { get; }
    public IReadOnlyList<string> InsertedNames { get; }

    /// <summary>A row in PostgreSQL's binary COPY format (the bulk path, on the generator's thread).</summary>
    internal Action<CopyBuffer, TEntity> Encode { get; }

    /// <summary>A row through Npgsql's importer (typed <c>Write&lt;T&gt;</c> with an explicit type).</summary>
    internal Action<NpgsqlBinaryImporter, TEntity> Write { get; }

    private readonly Func<NpgsqlDataReader, int[], TEntity> _read;

    /// <summary>Reads rows of a query that selects every column (by name, any order) into entities.</summary>
    internal RowReader ReaderFor(NpgsqlDataReader reader) => new(this, _all.Select(c => reader.GetOrdinal(c.Name)).ToArray());

    /// <summary>Every row <paramref name="cmd"/> selects (every column, any order), read into entities.</summary>
    internal async Task<List<TEntity>> ReadAllAsync(NpgsqlCommand cmd, int capacity, CancellationToken ct)
    {
        var rows = new List<TEntity>(capacity);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var map = ReaderFor(reader);
        while (await reader.ReadAsync(ct)) rows.Add(map.Read(reader));
        return rows;
    }

    internal sealed class RowReader(ColumnTable<TEntity> table, int[] ordinals)
    {
        public TEntity Read(NpgsqlDataReader r) => table._read(r, ordinals);
    }

    /// <summary>The typed parameters of an INSERT of <see cref="InsertedNames"/>, in that order.</summary>
    internal NpgsqlParameter[] Parameters(TEntity row)
    {
        var parameters = new NpgsqlParameter[Inserted.Count];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = Inserted[i].Parameter(row);
        return parameters;
    }

    /// <summary>Copies every edited column (not the key, not what PostgreSQL writes) from one entity to another.</summary>
    public TEntity CopyEdited(TEntity from, TEntity to)
    {
        foreach (var c in _edited) c.Copy(from, to);
        return to;
    }

    /// <summary>The edited columns as JSON values keyed by name, in table order: an edit's before and after.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Snapshot(TEntity row)
    {
        var values = new Dictionary<string, JsonNode?>(_edited.Length, StringComparer.Ordinal);
        foreach (var c in _edited) values[c.Name] = c.Json(row);
        return values;
    }

    /// <summary>
    /// A new entity holding the client columns an input already carries in their stored type (a nullable answer, a
    /// number), matched by field name and copied as they are; a validator sets every other column itself.
    /// </summary>
    public Func<TInput, TEntity> Untouched<TInput>()
    {
        var input = Expression.Parameter(typeof(TInput), "input");
        var fields = typeof(TInput).GetProperties().Where(p => p.CanRead).ToDictionary(Projection.FieldName, StringComparer.Ordinal);
        var bindings = _all.Where(c => c.Writer == ColumnWriter.Client)
            .Where(c => fields.TryGetValue(c.Name, out var f) && f.PropertyType == c.ValueType)
            .Select(c => Expression.Bind(c.Property, Expression.Property(input, fields[c.Name])));
        return Expression.Lambda<Func<TInput, TEntity>>(Expression.MemberInit(Expression.New(typeof(TEntity)), bindings), input).Compile();
    }

    public Column<TEntity> this[string name] => _all.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"{Name} has no column '{name}'.");

    public Column<TEntity> this[int index] => _all[index];
    public int Count => _all.Count;
    public IEnumerator<Column<TEntity>> GetEnumerator() => _all.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // (target, x) => { start(target); column1(target, x); column2(target, x); ... }
    private Action<TTarget, TEntity> CompileRow<TTarget>(
        Func<ParameterExpression, ParameterExpression, IEnumerable<Expression>> columns, Func<ParameterExpression, int, Expression> start)
    {
        var target = Expression.Parameter(typeof(TTarget), "target");
        var x = Expression.Parameter(typeof(TEntity), "x");
        var body = Expression.Block(columns(target, x).Prepend(start(target, Inserted.Count)));
        return Expression.Lambda<Action<TTarget, TEntity>>(body, target, x).Compile();
    }

    // (r, ordinals) => new TEntity { A = typeA.Read(r, ordinals[0]), B = ... }
    private static Func<NpgsqlDataReader, int[], TEntity> CompileReader(IReadOnlyList<Column<TEntity>> columns)
    {
        var r = Expression.Parameter(typeof(NpgsqlDataReader), "r");
        var ordinals = Expression.Parameter(typeof(int[]), "ordinals");
        var body = Expression.MemberInit(Expression.New(typeof(TEntity)),
            columns.Select((c, i) => c.ReadBinding(r, Expression.ArrayIndex(ordinals, Expression.Constant(i)))));
        return Expression.Lambda<Func<NpgsqlDataReader, int[], TEntity>>(body, r, ordinals).Compile();
    }

    /// <summary>
    /// Declares the columns in order: static fields initialise in textual order, so a class of
    /// <c>static readonly</c> columns built with one builder lists them in declaration order.
    /// </summary>
    public sealed class Builder(string table)
    {
        private readonly List<Column<TEntity>> _columns = [];

        /// <summary>A column named after its property in snake_case.</summary>
        public Column<TEntity, T> Add<T>(Expression<Func<TEntity, T>> property, ColumnType<T> type, string label,
            ColumnWriter writer = ColumnWriter.Client, string? name = null)
        {
            var member = ((MemberExpression)property.Body).Member.Name;
            var column = new Column<TEntity, T>(name ?? Column<TEntity, T>.SnakeCase(member), label, writer, property, type);
            if (_columns.Any(c => c.Name == column.Name)) throw new InvalidOperationException($"{table}.{column.Name} is declared twice.");
            _columns.Add(column);
            return column;
        }

        public ColumnTable<TEntity> Build() => new(table, _columns.ToArray());
    }
}
