using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Admin.Data.Columns;

/// <summary>
/// Typed mappings onto DTOs, compiled once: each settable property of the target is matched by its field name
/// (its <see cref="JsonPropertyNameAttribute"/>, else its name in snake_case) to a column of the entity, in the
/// column's wire form (closed sets as codes), or to a same-named property of the source DTO. A target property with
/// no source, or a source of another type, fails when the mapping is built (at startup, and in the tests), so a field
/// added to a DTO but not to the table cannot be silently left empty.
/// </summary>
public static class Projection
{
    /// <summary>Entity → DTO, from the entity's column table.</summary>
    public static Func<TEntity, TTo> FromColumns<TEntity, TTo>(ColumnTable<TEntity> table, Action<ProjectionRules<TEntity, TTo>>? rules = null)
        where TEntity : new() where TTo : new() =>
        Build(table.ToDictionary(c => c.Name, c => (Func<Expression, Expression>)c.WireOf, StringComparer.Ordinal), rules);

    /// <summary>DTO → DTO with the same field names.</summary>
    public static Func<TFrom, TTo> ByName<TFrom, TTo>(Action<ProjectionRules<TFrom, TTo>>? rules = null) where TTo : new() =>
        Build(typeof(TFrom).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead)
            .ToDictionary(FieldName, p => (Func<Expression, Expression>)(x => Expression.Property(x, p)), StringComparer.Ordinal), rules);

    /// <summary>A compiled getter of the property known as <paramref name="field"/>.</summary>
    public static Func<TFrom, TValue> Getter<TFrom, TValue>(string field)
    {
        var x = Expression.Parameter(typeof(TFrom), "x");
        return Expression.Lambda<Func<TFrom, TValue>>(Expression.Property(x, PropertyNamed<TFrom, TValue>(field)), x).Compile();
    }

    /// <summary>A compiled setter of the property known as <paramref name="field"/>.</summary>
    public static Action<TFrom, TValue> Setter<TFrom, TValue>(string field)
    {
        var x = Expression.Parameter(typeof(TFrom), "x");
        var v = Expression.Parameter(typeof(TValue), "v");
        return Expression.Lambda<Action<TFrom, TValue>>(Expression.Assign(Expression.Property(x, PropertyNamed<TFrom, TValue>(field)), v), x, v).Compile();
    }

    private static PropertyInfo PropertyNamed<TFrom, TValue>(string field) =>
        typeof(TFrom).GetProperties(BindingFlags.Public | BindingFlags.Instance).SingleOrDefault(p => FieldName(p) == field && p.PropertyType == typeof(TValue))
        ?? throw new InvalidOperationException($"{typeof(TFrom).Name} has no {typeof(TValue).Name} field '{field}'.");

    /// <summary>The name a property is known by on the wire and in the column table.</summary>
    public static string FieldName(PropertyInfo p) =>
        p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicyName(p.Name);

    private static string JsonNamingPolicyName(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static Func<TFrom, TTo> Build<TFrom, TTo>(IReadOnlyDictionary<string, Func<Expression, Expression>> sources, Action<ProjectionRules<TFrom, TTo>>? configure)
        where TTo : new()
    {
        var rules = new ProjectionRules<TFrom, TTo>();
        configure?.Invoke(rules);
        var x = Expression.Parameter(typeof(TFrom), "x");
        var nullability = new NullabilityInfoContext();
        var bindings = new List<MemberBinding>();
        foreach (var target in typeof(TTo).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            if (rules.Ignored.Contains(target.Name)) continue;
            Expression value;
            if (rules.Explicit.TryGetValue(target.Name, out var lambda))
                value = new Rebind(lambda.Parameters[0], x).Visit(lambda.Body);
            else if (sources.TryGetValue(FieldName(target), out var source))
                value = Convert(source(x), target, nullability)
                    ?? throw new InvalidOperationException($"{typeof(TTo).Name}.{target.Name} is {target.PropertyType.Name}, but its source in {typeof(TFrom).Name} is {source(x).Type.Name}: give it a rule.");
            else
                throw new InvalidOperationException($"{typeof(TTo).Name}.{target.Name} ('{FieldName(target)}') has no source in {typeof(TFrom).Name}: add the column, or give it a rule.");
            bindings.Add(Expression.Bind(target, value));
        }
        return Expression.Lambda<Func<TFrom, TTo>>(Expression.MemberInit(Expression.New(typeof(TTo)), bindings), x).Compile();
    }

    private static Expression? Convert(Expression value, PropertyInfo target, NullabilityInfoContext nullability)
    {
        var to = target.PropertyType;
        if (value.Type == to)
            // A null string where the DTO promises a string (e.g. the service's empty gender) is the empty string.
            return to == typeof(string) && nullability.Create(target).WriteState == NullabilityState.NotNull
                ? Expression.Coalesce(value, Expression.Constant(""))
                : value;
        return Nullable.GetUnderlyingType(to) == value.Type ? Expression.Convert(value, to) : null;
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>The hand-written parts of a projection: values that are not a column (or not as stored), and fields left out.</summary>
public sealed class ProjectionRules<TFrom, TTo>
{
    internal Dictionary<string, LambdaExpression> Explicit { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> Ignored { get; } = new(StringComparer.Ordinal);

    public ProjectionRules<TFrom, TTo> Set<TValue>(Expression<Func<TTo, TValue>> target, Expression<Func<TFrom, TValue>> value)
    {
        Explicit[Member(target)] = value;
        return this;
    }

    public ProjectionRules<TFrom, TTo> Ignore<TValue>(Expression<Func<TTo, TValue>> target)
    {
        Ignored.Add(Member(target));
        return this;
    }

    private static string Member<TValue>(Expression<Func<TTo, TValue>> target) =>
        target.Body is MemberExpression { Member: PropertyInfo p } ? p.Name : throw new ArgumentException($"Name a property of {typeof(TTo).Name}: {target}");
}
